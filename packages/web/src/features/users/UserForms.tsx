import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Switch } from 'antd';
import type { InputRef } from 'antd';
import { AreaCode, FullName, Password, ROLES, ROLE_LABELS, Username } from '@ansinh/domain';
import type { CreateUserBody, PatchUserBody, Role, UserOut } from '@ansinh/domain';
import { qk, usersApi } from '../../api/endpoints';
import { useAuth } from '../../app/auth';
import { applyFieldErrors, useErrorText } from '../../app/errors';
import { zodRule } from '../../app/forms';
import { pick, useLang, useT } from '../../app/i18n';
import { AreaCodeInput } from '../areas/AreaCodeInput';

function useRoleOptions() {
  const { lang } = useLang();
  return ROLES.map((r) => ({ value: r, label: pick(ROLE_LABELS[r], lang) }));
}

function FormErrors({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <Alert
      data-testid="user-form-error"
      role="alert"
      type="error"
      showIcon
      title={messages[0]}
      description={messages.length > 1 ? messages.slice(1).join(' ') : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}

function FormButtons({ submitLabel, loading, onCancel }: { submitLabel: string; loading: boolean; onCancel: () => void }) {
  const t = useT();
  return (
    <Space wrap style={{ width: '100%', justifyContent: 'flex-end' }}>
      <Button onClick={onCancel}>{t('common.cancel')}</Button>
      <Button data-testid="user-form-submit" type="primary" htmlType="submit" loading={loading}>
        {submitLabel}
      </Button>
    </Space>
  );
}

interface CreateValues {
  username: string;
  fullName: string;
  role: Role;
  areaCode: string;
  password: string;
}

const CREATE_FIELDS = ['username', 'fullName', 'role', 'areaCode', 'password'] as const;

/** Modal form to create an account. Mounted only while open. */
export function CreateUserModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<CreateValues>();
  const [errors, setErrors] = useState<string[]>([]);
  const firstRef = useRef<InputRef>(null);
  const roleOptions = useRoleOptions();

  const create = useMutation({
    mutationFn: (body: CreateUserBody) => usersApi.create(body),
    onSuccess: async (user) => {
      void message.success(t('users.created', { username: user.username }));
      await qc.invalidateQueries({ queryKey: qk.usersAll });
      onClose();
    },
    onError: (e) => setErrors([errorText(e), ...applyFieldErrors(form, e, CREATE_FIELDS)]),
  });

  const onFinish = (v: CreateValues) => {
    setErrors([]);
    create.mutate({
      username: v.username.trim(),
      fullName: v.fullName.trim().normalize('NFC'),
      role: v.role,
      areaCode: v.areaCode.trim(),
      password: v.password,
    });
  };

  return (
    <Modal
      open
      title={t('users.createTitle')}
      footer={null}
      onCancel={onClose}
      // The dialog takes the focus when it opens; hand it to the first field.
      afterOpenChange={(open) => open && firstRef.current?.focus()}
      mask={{ closable: false }}
    >
      <FormErrors messages={errors} />
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="off">
        <Form.Item name="username" label={t('users.form.username')} extra={t('users.form.usernameHint')} rules={[zodRule(Username)]}>
          <Input data-testid="user-form-username" ref={firstRef} autoFocus autoCapitalize="none" spellCheck={false} />
        </Form.Item>
        <Form.Item name="fullName" label={t('users.form.fullName')} rules={[zodRule(FullName)]}>
          <Input data-testid="user-form-fullname" placeholder={t('users.form.fullNamePlaceholder')} />
        </Form.Item>
        <Form.Item name="role" label={t('users.form.role')} rules={[{ required: true, message: t('users.form.roleRequired') }]}>
          <Select data-testid="user-form-role" options={roleOptions} placeholder={t('users.form.rolePlaceholder')} />
        </Form.Item>
        <Form.Item name="areaCode" label={t('users.form.area')} extra={t('areaInput.hint')} rules={[zodRule(AreaCode)]}>
          <AreaCodeInput testId="user-form-area" showName />
        </Form.Item>
        <Form.Item name="password" label={t('users.form.password')} extra={t('users.form.passwordHint')} rules={[zodRule(Password)]}>
          <Input.Password data-testid="user-form-password" autoComplete="new-password" />
        </Form.Item>
        <FormButtons submitLabel={t('users.form.create')} loading={create.isPending} onCancel={onClose} />
      </Form>
    </Modal>
  );
}

interface EditValues {
  fullName: string;
  role: Role;
  areaCode: string;
  disabled: boolean;
}

const EDIT_FIELDS = ['fullName', 'role', 'areaCode', 'disabled'] as const;

/** Modal form to edit an account: full name, role, home area, disabled. */
export function EditUserModal({ user, onClose }: { user: UserOut; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<EditValues>();
  const [errors, setErrors] = useState<string[]>([]);
  const firstRef = useRef<InputRef>(null);
  const roleOptions = useRoleOptions();
  const { me } = useAuth();

  const patch = useMutation({
    mutationFn: (body: PatchUserBody) => usersApi.patch(user.id, body),
    onSuccess: async (u) => {
      void message.success(t('users.updated', { username: u.username }));
      await qc.invalidateQueries({ queryKey: qk.usersAll });
      // Editing oneself changes the header (name, role, area) and the abilities.
      if (me && u.id === me.id) await qc.invalidateQueries({ queryKey: qk.me });
      onClose();
    },
    onError: (e) => setErrors([errorText(e), ...applyFieldErrors(form, e, EDIT_FIELDS)]),
  });

  const onFinish = (v: EditValues) => {
    setErrors([]);
    // Send only what changed, so the audit log shows exactly that.
    const body: PatchUserBody = {};
    const fullName = v.fullName.trim().normalize('NFC');
    if (fullName !== user.fullName) body.fullName = fullName;
    if (v.role !== user.role) body.role = v.role;
    const areaCode = v.areaCode.trim();
    if (areaCode !== user.areaCode) body.areaCode = areaCode;
    if (v.disabled !== user.disabled) body.disabled = v.disabled;
    if (Object.keys(body).length === 0) {
      void message.info(t('users.noChanges'));
      onClose();
      return;
    }
    patch.mutate(body);
  };

  return (
    <Modal
      open
      title={t('users.editTitle', { username: user.username })}
      footer={null}
      onCancel={onClose}
      // The dialog takes the focus when it opens; hand it to the first field.
      afterOpenChange={(open) => open && firstRef.current?.focus()}
      mask={{ closable: false }}
    >
      <FormErrors messages={errors} />
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        requiredMark={false}
        autoComplete="off"
        initialValues={{ fullName: user.fullName, role: user.role, areaCode: user.areaCode, disabled: user.disabled }}
      >
        <Form.Item name="fullName" label={t('users.form.fullName')} rules={[zodRule(FullName)]}>
          <Input data-testid="user-form-fullname" ref={firstRef} autoFocus />
        </Form.Item>
        <Form.Item name="role" label={t('users.form.role')} rules={[{ required: true, message: t('users.form.roleRequired') }]}>
          <Select data-testid="user-form-role" options={roleOptions} />
        </Form.Item>
        <Form.Item name="areaCode" label={t('users.form.area')} extra={t('areaInput.hint')} rules={[zodRule(AreaCode)]}>
          <AreaCodeInput testId="user-form-area" showName />
        </Form.Item>
        <Form.Item
          name="disabled"
          label={t('users.form.disabled')}
          extra={t('users.form.disabledHint')}
          valuePropName="checked"
        >
          <Switch data-testid="user-form-disabled" />
        </Form.Item>
        <FormButtons submitLabel={t('common.save')} loading={patch.isPending} onCancel={onClose} />
      </Form>
    </Modal>
  );
}

/** Modal form for an administrator's password reset (a PATCH with `password`). */
export function ResetPasswordModal({ user, onClose }: { user: UserOut; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ password: string }>();
  const [errors, setErrors] = useState<string[]>([]);
  const firstRef = useRef<InputRef>(null);

  const reset = useMutation({
    mutationFn: (password: string) => usersApi.patch(user.id, { password }),
    onSuccess: async (u) => {
      void message.success(t('users.passwordReset', { username: u.username }));
      await qc.invalidateQueries({ queryKey: qk.usersAll });
      onClose();
    },
    onError: (e) => setErrors([errorText(e), ...applyFieldErrors(form, e, ['password'])]),
  });

  return (
    <Modal
      open
      title={t('users.resetTitle', { username: user.username })}
      footer={null}
      onCancel={onClose}
      // The dialog takes the focus when it opens; hand it to the first field.
      afterOpenChange={(open) => open && firstRef.current?.focus()}
      mask={{ closable: false }}
    >
      <FormErrors messages={errors} />
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        autoComplete="off"
        onFinish={(v) => {
          setErrors([]);
          reset.mutate(v.password);
        }}
      >
        <Form.Item
          name="password"
          label={t('users.form.newPassword')}
          extra={t('users.form.newPasswordHint')}
          rules={[zodRule(Password)]}
        >
          <Input.Password data-testid="user-form-password" ref={firstRef} autoFocus autoComplete="new-password" />
        </Form.Item>
        <FormButtons submitLabel={t('users.resetPassword')} loading={reset.isPending} onCancel={onClose} />
      </Form>
    </Modal>
  );
}

import { useRef } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Form, Input, Select, Switch } from 'antd';
import type { InputRef } from 'antd';
import { AreaCode, FullName, Password, ROLES, ROLE_LABELS, Username } from '@ansinh/domain';
import type { CreateUserBody, PatchUserBody, Role, UserOut } from '@ansinh/domain';
import { meKey } from '../../kernel/authApi';
import { usersApi, usersKeys } from './api';
import { useAuth } from '../../kernel/auth';
import { zodRule } from '../../kernel/forms';
import { pick, TN, useLang, useT } from '../../kernel/i18n';
import { ModalForm, useModalForm } from '../../components/ModalForm';
import { AreaCodeInput } from '../areas';
import { agenciesApi, agenciesKeys } from '../agencies/api';

export function useRoleOptions() {
  const { lang } = useLang();
  return ROLES.map((r) => ({ value: r, label: pick(ROLE_LABELS[r], lang) }));
}

/** The role, home area and agency of an account, the same when creating and editing it. */
function RoleAndAreaFields({ rolePlaceholder }: { rolePlaceholder?: string }) {
  const t = useT();
  const roleOptions = useRoleOptions();
  const agencies = useQuery({ queryKey: agenciesKeys.all, queryFn: ({ signal }) => agenciesApi.list(signal) });
  const agencyOptions = (agencies.data?.items ?? []).map((a) => ({ value: a.code, label: `${a.name} (${a.code})` }));
  return (
    <>
      {agencyOptions.length > 0 && (
        <Form.Item name="agencyCode" label={t('users.form.agency')} extra={t('users.form.agencyHint')}>
          <Select data-testid="user-form-agency" options={agencyOptions} allowClear />
        </Form.Item>
      )}
      <Form.Item
        name="role"
        label={t('users.form.role')}
        rules={[{ required: true, message: t('users.form.roleRequired') }]}
      >
        <Select data-testid="user-form-role" options={roleOptions} placeholder={rolePlaceholder} />
      </Form.Item>
      <Form.Item name="areaCode" label={t('users.form.area')} extra={t('areaInput.hint')} rules={[zodRule(AreaCode)]}>
        <AreaCodeInput testId="user-form-area" showName />
      </Form.Item>
    </>
  );
}

interface CreateValues {
  username: string;
  fullName: string;
  role: Role;
  areaCode: string;
  agencyCode?: string | null;
  password: string;
}

const CREATE_FIELDS = ['username', 'fullName', 'role', 'areaCode', 'agencyCode', 'password'] as const;

/** Modal form to create an account. Mounted only while open. */
export function CreateUserModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const f = useModalForm<CreateValues>(CREATE_FIELDS, onClose);
  const firstRef = useRef<InputRef>(null);

  const create = useMutation({
    mutationFn: (body: CreateUserBody) => usersApi.create(body),
    onSuccess: (user) => f.done(t('users.created', { username: user.username }), usersKeys.all),
    onError: f.showError,
  });

  return (
    <ModalForm<CreateValues>
      state={f}
      title={t('users.createTitle')}
      focusRef={firstRef}
      errorTestId="user-form-error"
      submit={{ label: t('users.form.create'), testId: 'user-form-submit', loading: create.isPending }}
      onFinish={(v) =>
        create.mutate({
          username: v.username.trim(),
          fullName: v.fullName.trim().normalize('NFC'),
          role: v.role,
          areaCode: v.areaCode.trim(),
          ...(v.agencyCode ? { agencyCode: v.agencyCode } : {}),
          password: v.password,
        })
      }
    >
      <Form.Item
        name="username"
        label={t('users.form.username')}
        extra={t('users.form.usernameHint')}
        rules={[zodRule(Username)]}
      >
        <Input data-testid="user-form-username" ref={firstRef} autoFocus autoCapitalize="none" spellCheck={false} />
      </Form.Item>
      <Form.Item name="fullName" label={t('users.form.fullName')} rules={[zodRule(FullName)]}>
        <Input data-testid="user-form-fullname" placeholder={t('users.form.fullNamePlaceholder')} />
      </Form.Item>
      <RoleAndAreaFields rolePlaceholder={t('users.form.rolePlaceholder')} />
      <Form.Item
        name="password"
        label={t('users.form.password')}
        extra={t('users.form.passwordHint')}
        rules={[zodRule(Password)]}
      >
        <Input.Password data-testid="user-form-password" autoComplete="new-password" />
      </Form.Item>
    </ModalForm>
  );
}

interface EditValues {
  fullName: string;
  role: Role;
  areaCode: string;
  agencyCode?: string | null;
  disabled: boolean;
}

const EDIT_FIELDS = ['fullName', 'role', 'areaCode', 'agencyCode', 'disabled'] as const;

/** Modal form to edit an account: full name, role, home area, disabled. */
export function EditUserModal({ user, onClose }: { user: UserOut; onClose: () => void }) {
  const t = useT();
  const f = useModalForm<EditValues>(EDIT_FIELDS, onClose);
  const firstRef = useRef<InputRef>(null);
  const { me } = useAuth();

  const patch = useMutation({
    mutationFn: (body: PatchUserBody) => usersApi.patch(user.id, body),
    onSuccess: (u) => {
      const text = t('users.updated', { username: u.username });
      // Editing oneself changes the header (name, role, area) and the abilities.
      return me && u.id === me.id ? f.done(text, usersKeys.all, meKey) : f.done(text, usersKeys.all);
    },
    onError: f.showError,
  });

  // Send only what changed, so the audit log shows exactly that.
  const onFinish = (v: EditValues) => {
    const body: PatchUserBody = {};
    const fullName = v.fullName.trim().normalize('NFC');
    if (fullName !== user.fullName) body.fullName = fullName;
    if (v.role !== user.role) body.role = v.role;
    const areaCode = v.areaCode.trim();
    if (areaCode !== user.areaCode) body.areaCode = areaCode;
    if ((v.agencyCode ?? null) !== (user.agencyCode ?? null)) body.agencyCode = v.agencyCode ?? null;
    if (v.disabled !== user.disabled) body.disabled = v.disabled;
    f.saveChanges(body, patch.mutate, t('users.noChanges'));
  };

  return (
    <ModalForm<EditValues>
      state={f}
      title=<TN k="users.editTitle" p={{ username: user.username }} />
      focusRef={firstRef}
      errorTestId="user-form-error"
      submit={{ label: t('common.save'), testId: 'user-form-submit', loading: patch.isPending }}
      onFinish={onFinish}
      initialValues={{
        fullName: user.fullName,
        role: user.role,
        areaCode: user.areaCode,
        agencyCode: user.agencyCode ?? null,
        disabled: user.disabled,
      }}
    >
      <Form.Item name="fullName" label={t('users.form.fullName')} rules={[zodRule(FullName)]}>
        <Input data-testid="user-form-fullname" ref={firstRef} autoFocus />
      </Form.Item>
      <RoleAndAreaFields />
      <Form.Item
        name="disabled"
        label={t('users.form.disabled')}
        extra={t('users.form.disabledHint')}
        valuePropName="checked"
      >
        <Switch data-testid="user-form-disabled" />
      </Form.Item>
    </ModalForm>
  );
}

/** Modal form for an administrator's password reset (a PATCH with `password`). */
export function ResetPasswordModal({ user, onClose }: { user: UserOut; onClose: () => void }) {
  const t = useT();
  const f = useModalForm<{ password: string }>(['password'], onClose);
  const firstRef = useRef<InputRef>(null);

  const reset = useMutation({
    mutationFn: (password: string) => usersApi.patch(user.id, { password }),
    onSuccess: (u) => f.done(t('users.passwordReset', { username: u.username }), usersKeys.all),
    onError: f.showError,
  });

  return (
    <ModalForm<{ password: string }>
      state={f}
      title=<TN k="users.resetTitle" p={{ username: user.username }} />
      focusRef={firstRef}
      errorTestId="user-form-error"
      submit={{ label: t('users.resetPassword'), testId: 'user-form-submit', loading: reset.isPending }}
      onFinish={(v) => reset.mutate(v.password)}
    >
      <Form.Item
        name="password"
        label={t('users.form.newPassword')}
        extra={t('users.form.newPasswordHint')}
        rules={[zodRule(Password)]}
      >
        <Input.Password data-testid="user-form-password" ref={firstRef} autoFocus autoComplete="new-password" />
      </Form.Item>
    </ModalForm>
  );
}

import { useNavigate, useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ChangePasswordBody } from '@ansinh/domain';
import { authApi, meKey } from './api';
import { safeNext, useMe } from '../../kernel/auth';
import { zodRule } from '../../kernel/forms';
import { useT } from '../../kernel/i18n';
import { FormErrors, useFormWithErrors } from '../../components/FormErrors';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const FIELDS = ['currentPassword', 'newPassword'] as const;

export default function ChangePasswordPage() {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const qc = useQueryClient();
  const { form, errors, setErrors, showError } = useFormWithErrors<Values>(FIELDS);

  const change = useMutation({
    mutationFn: (body: ChangePasswordBody) => authApi.changePassword(body),
    onSuccess: async () => {
      // The server clears `mustChangePassword` (and may rotate the session): reload who we are.
      await qc.invalidateQueries({ queryKey: meKey });
      form.resetFields();
      void message.success(t('password.success'));
      void navigate(next, { replace: true });
    },
    onError: showError,
  });

  const onFinish = (v: Values) => {
    setErrors([]);
    change.mutate({ currentPassword: v.currentPassword, newPassword: v.newPassword });
  };

  return (
    <div style={{ maxWidth: 520 }}>
      <Typography.Title level={1} className="page-title">
        {t('password.title')}
      </Typography.Title>
      {me.mustChangePassword && (
        <Alert type="info" showIcon title={t('password.mustChange')} style={{ margin: '12px 0 16px' }} />
      )}
      <Card>
        <FormErrors messages={errors} />
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          {/* Helps password managers attach the new password to the right account. */}
          <input type="text" name="username" autoComplete="username" value={me.username} readOnly hidden />
          <Form.Item
            name="currentPassword"
            label={t('password.current')}
            rules={[zodRule(ChangePasswordBody.shape.currentPassword)]}
          >
            <Input.Password data-testid="password-current" autoFocus autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            extra={t('password.newHint')}
            dependencies={['currentPassword']}
            rules={[
              zodRule(ChangePasswordBody.shape.newPassword),
              ({ getFieldValue }) => ({
                validator: async (_r, value: unknown) => {
                  if (value && value === getFieldValue('currentPassword')) throw new Error(t('password.same'));
                },
              }),
            ]}
          >
            <Input.Password data-testid="password-new" autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.confirm') },
              ({ getFieldValue }) => ({
                validator: async (_r, value: unknown) => {
                  if (value && value !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
                },
              }),
            ]}
          >
            <Input.Password data-testid="password-confirm" autoComplete="new-password" />
          </Form.Item>
          <Space wrap>
            <Button data-testid="password-submit" type="primary" htmlType="submit" loading={change.isPending}>
              {t('password.submit')}
            </Button>
            {!me.mustChangePassword && <Button onClick={() => void navigate(next)}>{t('common.cancel')}</Button>}
          </Space>
        </Form>
      </Card>
    </div>
  );
}

import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useLogout, useMe, useRelogin } from '../kernel/auth';
import { useErrorText } from '../kernel/errors';
import { useT } from '../kernel/i18n';

/**
 * The session expired under a page: ask for the password in a dialog over it, so what the user
 * typed in the page's forms stays; after signing in they press their form's button again.
 */
export function ReloginModal() {
  const me = useMe();
  const t = useT();
  const errorText = useErrorText();
  const relogin = useRelogin();
  const { logout, pending } = useLogout();
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ password: string }>();
  const ref = useRef<InputRef>(null);
  useEffect(() => ref.current?.focus(), []);

  const onFinish = ({ password }: { password: string }) => {
    setError(null);
    relogin.mutate(
      { username: me.username, password },
      {
        onError: (e) => {
          setError(errorText(e));
          form.setFieldValue('password', '');
          ref.current?.focus();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('session.expiredTitle')}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={null}
      zIndex={2000}
      data-testid="relogin"
    >
      <Typography.Paragraph>{t('session.expiredText', { user: me.fullName })}</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="relogin-form">
        <Form.Item label={t('session.username')}>
          <Input value={me.username} disabled data-testid="relogin-username" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('session.password')}
          rules={[{ required: true, message: t('session.passwordRequired') }]}
        >
          <Input.Password ref={ref} autoComplete="current-password" data-testid="relogin-password" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end' }}>
          <Button onClick={() => void logout()} loading={pending} data-testid="relogin-logout">
            {t('header.logout')}
          </Button>
          <Button type="primary" htmlType="submit" loading={relogin.isPending} data-testid="relogin-submit">
            {t('session.signInAgain')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}

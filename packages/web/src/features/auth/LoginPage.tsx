import { useEffect, useRef, useState } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import type { InputRef } from 'antd';
import type { LoginBody } from '@ansinh/domain';
import { ApiError } from '../../kernel/http';
import { PASSWORD_PATH, safeNext, useAuth, useLogin } from '../../kernel/auth';
import type { LoginLocationState } from '../../kernel/auth';
import { useErrorText } from '../../kernel/errors';
import { useT } from '../../kernel/i18n';
import { LangSwitch } from '../../kernel/LangSwitch';

/** Seconds left until `until` (ms epoch), ticking every second; 0 when passed or unset. */
function useSecondsLeft(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    setNow(Date.now());
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, [until]);
  if (until === null) return 0;
  return Math.max(0, Math.ceil((until - now) / 1000));
}

export default function LoginPage() {
  const t = useT();
  const errorText = useErrorText();
  const { me } = useAuth();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const location = useLocation();
  const loggedOut = !!(location.state as LoginLocationState | null)?.loggedOut;
  const login = useLogin();
  const [form] = Form.useForm<LoginBody>();
  const passwordRef = useRef<InputRef>(null);
  const [error, setError] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const secondsLeft = useSecondsLeft(waitUntil);
  const throttled = waitUntil !== null && secondsLeft > 0;

  useEffect(() => {
    if (waitUntil !== null && secondsLeft === 0) {
      setWaitUntil(null);
      setError(null);
    }
  }, [waitUntil, secondsLeft]);

  // Already signed in (or just now): go on. Right after a logout the old user may still be
  // cached for a moment, so stay here then.
  if (me && (!loggedOut || login.isSuccess)) {
    const target = me.mustChangePassword
      ? `${PASSWORD_PATH}${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`
      : next;
    return <Navigate to={target} replace />;
  }

  const onFinish = (values: LoginBody) => {
    if (throttled || login.isPending) return;
    setError(null);
    login.mutate(
      { username: values.username.trim(), password: values.password },
      {
        onError: (e) => {
          setError(errorText(e));
          if (e instanceof ApiError && e.status === 429 && e.retryAfter !== undefined && e.retryAfter > 0) {
            setWaitUntil(Date.now() + e.retryAfter * 1000);
          }
          form.setFieldValue('password', '');
          passwordRef.current?.focus();
        },
      },
    );
  };

  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        boxSizing: 'border-box',
      }}
    >
      <Card style={{ width: '100%', maxWidth: 420 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 8 }}>
          <div>
            <Typography.Title level={1} style={{ margin: 0, fontSize: 30, color: '#0958d9' }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
          </div>
          <LangSwitch />
        </div>
        <Typography.Title level={2} style={{ marginTop: 24, fontSize: 20 }}>
          {t('login.title')}
        </Typography.Title>
        {loggedOut && !error && !login.isSuccess && (
          <Alert
            data-testid="logged-out"
            type="success"
            showIcon
            title={t('header.loggedOut')}
            style={{ marginBottom: 16 }}
          />
        )}
        {error && (
          <Alert
            data-testid="login-error"
            role="alert"
            type={throttled ? 'warning' : 'error'}
            showIcon
            title={error}
            description={
              throttled
                ? secondsLeft >= 120
                  ? t('login.throttledLong', { seconds: secondsLeft, minutes: Math.round(secondsLeft / 60) })
                  : t('login.throttled', { seconds: secondsLeft })
                : undefined
            }
            style={{ marginBottom: 16 }}
          />
        )}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input
              data-testid="login-username"
              autoFocus
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              placeholder={t('login.usernamePlaceholder')}
              size="large"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              data-testid="login-password"
              ref={passwordRef}
              autoComplete="current-password"
              size="large"
            />
          </Form.Item>
          <Button
            data-testid="login-submit"
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={login.isPending}
            disabled={throttled}
          >
            {throttled ? t('login.wait', { seconds: secondsLeft }) : t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          {t('login.help')}
        </Typography.Paragraph>
      </Card>
    </main>
  );
}

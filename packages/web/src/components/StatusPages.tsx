import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../kernel/i18n';

/** A whole-page answer (not found, forbidden) with the way back to the home page. */
function HomeLinkResult({
  testId,
  status,
  title,
  text,
}: {
  testId: string;
  status: '403' | '404';
  title: string;
  text: string;
}) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      data-testid={testId}
      status={status}
      title={title}
      subTitle={text}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}

export function NotFoundPage() {
  const t = useT();
  return <HomeLinkResult testId="not-found" status="404" title={t('notFound.title')} text={t('notFound.text')} />;
}

export function ForbiddenPage() {
  const t = useT();
  return <HomeLinkResult testId="forbidden" status="403" title={t('forbidden.title')} text={t('forbidden.text')} />;
}

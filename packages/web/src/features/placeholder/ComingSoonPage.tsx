import { useNavigate } from 'react-router';
import { Button, Result } from 'antd';
import { useT } from '../../kernel/i18n';
import type { MessageKey } from '../../kernel/i18n';

export type ComingSoonModule = 'programs' | 'dossiers' | 'reports';

const TEXT: Record<ComingSoonModule, { name: MessageKey; text: MessageKey }> = {
  programs: { name: 'nav.programs', text: 'soon.programs' },
  dossiers: { name: 'nav.dossiers', text: 'soon.dossiers' },
  reports: { name: 'nav.reports', text: 'soon.reports' },
};

/** A module that is planned but not built yet: say so plainly instead of a broken page. */
export default function ComingSoonPage({ module }: { module: ComingSoonModule }) {
  const t = useT();
  const navigate = useNavigate();
  const { name, text } = TEXT[module];
  return (
    <Result
      data-testid="coming-soon"
      status="info"
      title={t('soon.title', { module: t(name) })}
      subTitle={
        <>
          <p style={{ maxWidth: 560, margin: '0 auto 8px' }}>{t(text)}</p>
          <p style={{ maxWidth: 560, margin: '0 auto' }}>{t('soon.text')}</p>
        </>
      }
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}

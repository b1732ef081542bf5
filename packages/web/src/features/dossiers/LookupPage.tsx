import { useState } from 'react';
import type { FormEvent } from 'react';
import type { DossierLookupOut } from '@ansinh/domain';
import { isApiError } from '../../kernel/http';
import { formatDate } from '../../kernel/format';
import { useT } from '../../kernel/i18n';
import type { MessageKey } from '../../kernel/i18n';
import { dossiersApi } from './api';

/**
 * The citizen's dossier lookup, without an account, under /tra-cuu. Plain HTML and a few inline
 * styles (no antd components): it must load and work on a cheap phone over a slow connection.
 */
const CSS = `
.lookup { max-width: 480px; margin: 0 auto; padding: 16px; font: 16px/1.45 system-ui, sans-serif; color: #222; }
.lookup h1 { font-size: 20px; margin: 0 0 8px; }
.lookup label { display: block; margin: 12px 0 4px; font-weight: 600; }
.lookup input { width: 100%; box-sizing: border-box; font-size: 18px; padding: 10px; border: 1px solid #888; border-radius: 6px; }
.lookup button { margin-top: 16px; width: 100%; font-size: 18px; padding: 12px; border: 0; border-radius: 6px; background: #1557b0; color: #fff; }
.lookup .err { margin-top: 12px; padding: 10px; background: #fdecea; border: 1px solid #e0a0a0; border-radius: 6px; }
.lookup dl { margin: 16px 0 0; padding: 12px; border: 1px solid #ccc; border-radius: 6px; }
.lookup dt { font-size: 14px; color: #555; margin-top: 8px; }
.lookup dd { margin: 0; font-weight: 600; }
`;

export default function LookupPage() {
  const t = useT();
  const params = new URLSearchParams(window.location.search);
  const [code, setCode] = useState(params.get('ma') ?? '');
  const [check, setCheck] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<DossierLookupOut | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await dossiersApi.lookup(code.trim(), check.trim()));
    } catch (err) {
      setError(isApiError(err) ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="lookup">
      <style>{CSS}</style>
      <h1>{t('lookup.title')}</h1>
      <p>{t('lookup.intro')}</p>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor="lookup-code">{t('lookup.code')}</label>
        <input
          id="lookup-code"
          data-testid="lookup-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoCapitalize="characters"
          autoComplete="off"
          required
          placeholder="213.89.31.H70-250312-0001"
        />
        <label htmlFor="lookup-check">{t('lookup.check')}</label>
        <input
          id="lookup-check"
          data-testid="lookup-check"
          value={check}
          onChange={(e) => setCheck(e.target.value)}
          inputMode="numeric"
          autoComplete="off"
          required
        />
        <button data-testid="lookup-submit" type="submit" disabled={busy}>
          {busy ? t('lookup.loading') : t('lookup.submit')}
        </button>
      </form>
      {error && (
        <div className="err" role="alert" data-testid="lookup-error">
          {error}
        </div>
      )}
      {result && (
        <dl data-testid="lookup-result" aria-live="polite">
          <dt>{t('lookup.code')}</dt>
          <dd>{result.code}</dd>
          <dt>{t('dossiers.detail.procedure')}</dt>
          <dd>{result.procedureName}</dd>
          <dt>{t('dossiers.detail.applicant')}</dt>
          <dd>{result.applicantName}</dd>
          <dt>{t('lookup.state')}</dt>
          <dd data-testid="lookup-state">{result.stateLabel}</dd>
          {result.where && (
            <>
              <dt>{t('lookup.where')}</dt>
              <dd data-testid="lookup-where">{result.where}</dd>
            </>
          )}
          <dt>{t('lookup.received')}</dt>
          <dd>{formatDate(result.receivedDate)}</dd>
          <dt>{t('lookup.appointment')}</dt>
          <dd data-testid="lookup-appointment">{formatDate(result.appointmentDate)}</dd>
          {result.settledDate && (
            <>
              <dt>{t('lookup.settled')}</dt>
              <dd>{formatDate(result.settledDate)}</dd>
            </>
          )}
          <dt>{t('lookup.delivery')}</dt>
          <dd>{t(`dossiers.delivery.${result.delivery}` as MessageKey)}</dd>
          <dt>{t('lookup.steps')}</dt>
          <dd>
            <ol style={{ margin: 0, paddingLeft: 20, fontWeight: 400 }}>
              {result.steps.map((s, i) => (
                <li key={i}>
                  {s.levelLabel} — {s.areaName}: {s.finished ? t('lookup.done') : t('lookup.notYet')}
                </li>
              ))}
            </ol>
          </dd>
        </dl>
      )}
    </main>
  );
}

import type { CSSProperties } from 'react';
import { Alert, Button } from 'antd';
import { useErrorText } from '../kernel/errors';
import { useT } from '../kernel/i18n';

/** A failed load, said in words, with a button to try again. */
export function LoadError({
  error,
  onRetry,
  style = { marginBottom: 16 },
}: {
  error: unknown;
  onRetry: () => void;
  style?: CSSProperties;
}) {
  const t = useT();
  const errorText = useErrorText();
  return (
    <Alert
      role="alert"
      type="error"
      showIcon
      title={errorText(error)}
      action={
        <Button size="small" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
      style={style}
    />
  );
}

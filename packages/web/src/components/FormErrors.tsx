import { useCallback, useState } from 'react';
import { Alert, Form } from 'antd';
import type { FormInstance } from 'antd';
import { applyFieldErrors, useErrorText } from '../kernel/errors';

/** Error messages above a form: the first as the title, the rest below. */
export function FormErrors({ messages, testId }: { messages: string[]; testId?: string }) {
  if (messages.length === 0) return null;
  return (
    <Alert
      data-testid={testId}
      role="alert"
      type="error"
      showIcon
      title={messages[0]}
      description={messages.length > 1 ? messages.slice(1).join(' ') : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}

export interface FormWithErrors<V> {
  form: FormInstance<V>;
  /** What <FormErrors> shows above the form. */
  errors: string[];
  setErrors: (messages: string[]) => void;
  /**
   * For a mutation's onError: the server's problem goes above the form, and each of its
   * details that names one of `fields` goes onto that field instead.
   */
  showError: (e: unknown) => void;
}

/** A form and the errors shown above it, filled from the server's problem details. */
export function useFormWithErrors<V>(fields: readonly string[]): FormWithErrors<V> {
  const [form] = Form.useForm<V>();
  const errorText = useErrorText();
  const [errors, setErrors] = useState<string[]>([]);
  const showError = useCallback(
    (e: unknown) => setErrors([errorText(e), ...applyFieldErrors(form, e, fields)]),
    [errorText, form, fields],
  );
  return { form, errors, setErrors, showError };
}

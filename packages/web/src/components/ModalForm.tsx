import type { ReactNode, RefObject } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import { App, Button, Form, Modal, Space } from 'antd';
import { useT } from '../kernel/i18n';
import { FormErrors, useFormWithErrors } from './FormErrors';
import { useReturnFocus } from './useReturnFocus';
import type { FormWithErrors } from './FormErrors';

export interface ModalFormState<V> extends FormWithErrors<V> {
  onClose: () => void;
  /** After a successful save: say so, refresh what the change touched (in order), close. */
  done: (successText: string, ...refresh: QueryKey[]) => Promise<void>;
  /**
   * Sends an edit, or, when nothing was changed, says so and closes: an empty change would
   * only put a line in the audit log that says nothing.
   */
  saveChanges: <B extends object>(body: B, send: (body: B) => void, noChangesText: string) => void;
}

/** Everything a dialog with a form needs besides its fields: the form, its errors and closing. */
export function useModalForm<V>(fields: readonly string[], onClose: () => void): ModalFormState<V> {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const state = useFormWithErrors<V>(fields);
  const done = async (successText: string, ...refresh: QueryKey[]) => {
    void message.success(successText);
    for (const queryKey of refresh) await qc.invalidateQueries({ queryKey });
    onClose();
  };
  const saveChanges = <B extends object>(body: B, send: (body: B) => void, noChangesText: string) => {
    if (Object.keys(body).length === 0) {
      void message.info(noChangesText);
      onClose();
      return;
    }
    send(body);
  };
  return { ...state, onClose, done, saveChanges };
}

interface ModalFormProps<V> {
  /** From useModalForm. */
  state: ModalFormState<V>;
  title: ReactNode;
  /** Shown above the errors, for what the officer should know before filling in. */
  intro?: ReactNode;
  errorTestId: string;
  submit: { label: string; testId: string; loading: boolean; danger?: boolean };
  onFinish: (values: V) => void;
  initialValues?: Partial<V>;
  onValuesChange?: (changed: Partial<V>) => void;
  width?: number;
  /** The field to put the cursor in when the dialog opens. */
  focusRef?: RefObject<{ focus: () => void } | null>;
  children: ReactNode;
}

/**
 * A dialog holding one form: the errors of the last attempt above it, Cancel and the submit
 * button below. Mounted only while open. A click beside it does not close it, so a half-filled
 * form is not lost by a stray click.
 */
export function ModalForm<V>({
  state,
  title,
  intro,
  errorTestId,
  submit,
  onFinish,
  initialValues,
  onValuesChange,
  width,
  focusRef,
  children,
}: ModalFormProps<V>) {
  const t = useT();
  const { form, errors, setErrors, onClose } = state;
  useReturnFocus();
  return (
    <Modal
      open
      title={title}
      footer={null}
      onCancel={onClose}
      // The dialog takes the focus when it opens; hand it to the first field.
      afterOpenChange={focusRef ? (open) => open && focusRef.current?.focus() : undefined}
      mask={{ closable: false }}
      width={width}
    >
      {intro}
      <FormErrors messages={errors} testId={errorTestId} />
      <Form<V>
        form={form}
        layout="vertical"
        requiredMark={false}
        autoComplete="off"
        initialValues={initialValues}
        onValuesChange={onValuesChange}
        onFinish={(v) => {
          setErrors([]);
          onFinish(v);
        }}
      >
        {children}
        <Space wrap style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            data-testid={submit.testId}
            type="primary"
            danger={submit.danger}
            htmlType="submit"
            loading={submit.loading}
          >
            {submit.label}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}

import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Select } from 'antd';
import { LETTER_CHANNELS, LETTER_KINDS, LetterBody } from '@ansinh/domain';
import { useT } from '../../kernel/i18n';
import type { MessageKey } from '../../kernel/i18n';
import { zodRule } from '../../kernel/forms';
import { FormErrors, useFormWithErrors } from '../../components/FormErrors';
import { petitionsApi, pk } from './api';
import { PetitionsHead, todayIso } from './shared';
import { IsoDateInput } from '../../components/DateInput';

const FIELDS = [
  'receivedDate',
  'channel',
  'senderName',
  'senderAddress',
  'senderIdNumber',
  'summary',
  'kind',
  'signers',
  'sourceBody',
] as const;
type Values = Record<(typeof FIELDS)[number], string | number | undefined>;

/** Letter intake: from the post, in person, transferred, the portal, or a hotline call (?callId=). */
export default function LetterNewPage() {
  const t = useT();
  const nav = useNavigate();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const callId = Number(params.get('callId')) || null;
  const { form, errors, showError } = useFormWithErrors<Values>(FIELDS);
  const save = useMutation({
    mutationFn: (v: Values) => petitionsApi.receive({ ...(v as object), ...(callId ? { callId } : {}) }),
    onSuccess: async (l) => {
      await qc.invalidateQueries({ queryKey: pk.all });
      void nav(`/petitions/letters/${l.id}`);
    },
    onError: showError,
  });
  const shape = LetterBody.shape;
  return (
    <>
      <PetitionsHead title={t('petitions.letter.new')} />
      <FormErrors messages={errors} testId="letter-errors" />
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 720 }}
        initialValues={{ receivedDate: todayIso(), channel: callId ? 'hotline' : 'post', signers: 1 }}
        onFinish={(v) => save.mutate(v)}
        data-testid="letter-form"
      >
        <Form.Item name="receivedDate" label={t('petitions.letter.date')} rules={[zodRule(shape.receivedDate)]}>
          <IsoDateInput data-testid="letter-date" />
        </Form.Item>
        <Form.Item name="channel" label={t('petitions.letter.channel')}>
          <Select
            options={LETTER_CHANNELS.map((c) => ({ value: c, label: t(`petitions.channel.${c}` as MessageKey) }))}
          />
        </Form.Item>
        <Form.Item name="senderName" label={t('petitions.letter.name')} rules={[zodRule(shape.senderName)]}>
          <Input autoFocus data-testid="letter-name" />
        </Form.Item>
        <Form.Item name="senderAddress" label={t('petitions.letter.address')} rules={[zodRule(shape.senderAddress)]}>
          <Input data-testid="letter-address" />
        </Form.Item>
        <Form.Item name="senderIdNumber" label={t('petitions.letter.idNumber')}>
          <Input />
        </Form.Item>
        <Form.Item name="summary" label={t('petitions.letter.summary')} rules={[zodRule(shape.summary)]}>
          <Input.TextArea rows={4} data-testid="letter-summary" />
        </Form.Item>
        <Form.Item name="kind" label={t('petitions.col.kind')}>
          <Select
            allowClear
            options={LETTER_KINDS.map((k) => ({ value: k, label: t(`petitions.kind.${k}` as MessageKey) }))}
          />
        </Form.Item>
        <Form.Item name="signers" label={t('petitions.letter.signers')}>
          <InputNumber min={1} />
        </Form.Item>
        <Form.Item name="sourceBody" label={t('petitions.letter.source')}>
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="letter-save">
          {t('common.save')}
        </Button>
      </Form>
    </>
  );
}

import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { findStatusCategory, formatDateVi, STATUS_CATEGORIES, StatusKind, todayInVietnam, validateStatusGrant } from '@ansinh/domain';
import type { EndStatusBody, GrantStatusBody, StatusOut } from '@ansinh/domain';
import { qk, registryApi } from '../../api/endpoints';
import { applyFieldErrors, useErrorText } from '../../app/errors';
import { useLang, useT } from '../../app/i18n';
import { categoryOptions, DATE_FORMATS, FormErrors, isoOf, toDayjs } from './shared';

function showDate(iso: string | null | undefined): string {
  if (!iso) return '';
  try {
    return formatDateVi(iso);
  } catch {
    return iso;
  }
}

/** The label of a status in the current language (the server gives the Vietnamese one). */
function useStatusLabel() {
  const { lang } = useLang();
  return (s: Pick<StatusOut, 'kind' | 'category' | 'categoryLabel'>) =>
    lang === 'vi' ? s.categoryLabel : (findStatusCategory(s.kind, s.category)?.en ?? s.categoryLabel);
}

type Subject = { kind: 'person'; id: number; name: string } | { kind: 'household'; id: number; code: string };

/** The statuses of a person or household, with "end" for writers. History stays visible. */
export function StatusesTable({
  statuses,
  canWrite,
  testId,
}: {
  statuses: StatusOut[];
  canWrite: boolean;
  testId: string;
}) {
  const t = useT();
  const { lang } = useLang();
  const label = useStatusLabel();
  const [ending, setEnding] = useState<StatusOut | null>(null);
  const today = todayInVietnam();

  const stateTag = (s: StatusOut) => {
    if (s.endedReason) return <Tag>{t('status.ended')}</Tag>;
    if (s.active) return <Tag color="green">{t('status.active')}</Tag>;
    if (s.validFrom > today) return <Tag color="blue">{t('status.notYet')}</Tag>;
    return <Tag>{t('status.expired')}</Tag>;
  };

  const columns: TableColumnsType<StatusOut> = [
    { title: t('status.col.kind'), key: 'kind', render: (_: unknown, s) => STATUS_CATEGORIES[s.kind][lang] },
    {
      title: t('status.col.category'),
      key: 'category',
      render: (_: unknown, s) => (
        <span>
          {label(s)}
          {s.year !== null ? <Typography.Text type="secondary"> · {t('status.year', { year: String(s.year) })}</Typography.Text> : null}
          {s.degree !== null ? <Typography.Text type="secondary"> · {t('status.degree', { degree: s.degree })}</Typography.Text> : null}
        </span>
      ),
    },
    {
      title: t('status.col.period'),
      key: 'period',
      render: (_: unknown, s) => t('status.period', { from: showDate(s.validFrom), to: s.validTo ? showDate(s.validTo) : t('status.openEnded') }),
    },
    {
      title: t('status.col.decision'),
      key: 'decision',
      render: (_: unknown, s) => t('status.decision', { no: s.decisionNo, date: showDate(s.decisionDate) }),
    },
    {
      title: t('status.col.state'),
      key: 'state',
      render: (_: unknown, s) => (
        <span>
          {stateTag(s)}
          {s.endedReason ? (
            <div>
              <Typography.Text type="secondary">{t('status.endedReason', { reason: s.endedReason })}</Typography.Text>
            </div>
          ) : null}
        </span>
      ),
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      className: 'no-print',
      render: (_: unknown, s) =>
        s.endedReason ? null : (
          <Button size="small" data-testid={`status-end-${s.id}`} onClick={() => setEnding(s)}>
            {t('status.end')}
          </Button>
        ),
    });
  }

  return (
    <div data-testid={testId}>
      <Table<StatusOut>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={statuses}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('status.none') }}
      />
      {ending && <EndStatusModal status={ending} onClose={() => setEnding(null)} />}
    </div>
  );
}

interface GrantValues {
  kind?: StatusKind;
  category?: string;
  year?: number | null;
  degree?: number | null;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
  decisionNo?: string;
  decisionDate?: Dayjs | null;
}

const GRANT_FIELDS = ['kind', 'category', 'year', 'degree', 'validFrom', 'validTo', 'decisionNo', 'decisionDate'] as const;

/** Grant a status with the decision that grants it. Kinds are limited to those fit for the subject. */
export function GrantStatusModal({ subject, onClose }: { subject: Subject; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<GrantValues>();
  const [errors, setErrors] = useState<string[]>([]);
  const kinds = StatusKind.options.filter((k) => STATUS_CATEGORIES[k].subject === subject.kind);
  const kind = Form.useWatch('kind', form);
  const category = Form.useWatch('category', form);
  const catalogue = kind ? STATUS_CATEGORIES[kind] : undefined;
  const cat = kind && category ? findStatusCategory(kind, category) : undefined;
  const thisYear = Number(todayInVietnam().slice(0, 4));

  const grant = useMutation({
    mutationFn: (body: GrantStatusBody) => registryApi.grantStatus(body),
    onSuccess: async (s) => {
      void message.success(t('grant.done', { label: s.categoryLabel }));
      await qc.invalidateQueries({ queryKey: qk.registryAll });
      onClose();
    },
    onError: (e) => setErrors([errorText(e), ...applyFieldErrors(form, e, GRANT_FIELDS)]),
  });

  const onFinish = (v: GrantValues) => {
    setErrors([]);
    if (!v.kind || !v.category) return;
    const body: GrantStatusBody = {
      kind: v.kind,
      ...(subject.kind === 'person' ? { personId: subject.id } : { householdId: subject.id }),
      category: v.category,
      ...(STATUS_CATEGORIES[v.kind].needsYear && v.year != null ? { year: v.year } : {}),
      ...(cat?.needsDegree && v.degree != null ? { degree: v.degree } : {}),
      validFrom: isoOf(v.validFrom) ?? '',
      ...(isoOf(v.validTo) ? { validTo: isoOf(v.validTo)! } : {}),
      decisionNo: (v.decisionNo ?? '').trim(),
      decisionDate: isoOf(v.decisionDate) ?? '',
    };
    // The rules of the catalogue, checked here first so the officer sees them on the fields.
    const problems = validateStatusGrant({ ...body, today: todayInVietnam() });
    if (problems.length) {
      const fields = problems.map((p) => ({ name: p.path.replace(/^body\./, ''), errors: [p.message] }));
      const known = fields.filter((f) => (GRANT_FIELDS as readonly string[]).includes(f.name));
      form.setFields(known.map((f) => ({ name: f.name as (typeof GRANT_FIELDS)[number], errors: f.errors })));
      const rest = fields.filter((f) => !known.includes(f)).flatMap((f) => f.errors);
      if (rest.length) setErrors(rest);
      return;
    }
    grant.mutate(body);
  };

  const title =
    subject.kind === 'person' ? t('grant.titlePerson', { name: subject.name }) : t('grant.titleHousehold', { code: subject.code });

  return (
    <Modal open title={title} footer={null} onCancel={onClose} mask={{ closable: false }} width={640}>
      <FormErrors messages={errors} testId="grant-error" />
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        requiredMark={false}
        autoComplete="off"
        initialValues={{ kind: kinds.length === 1 ? kinds[0] : undefined, year: thisYear, validFrom: dayjs(), decisionDate: dayjs() }}
        onValuesChange={(changed: Partial<GrantValues>) => {
          if ('kind' in changed) form.setFieldsValue({ category: undefined, degree: null });
        }}
      >
        <Form.Item
          name="kind"
          label={t('grant.kind')}
          rules={[{ required: true, message: t('grant.kindRequired') }]}
          extra={catalogue ? t('grant.legalBasis', { basis: catalogue.legalBasis }) : undefined}
        >
          <Select
            data-testid="grant-kind"
            placeholder={t('grant.kindPlaceholder')}
            options={kinds.map((k) => ({ value: k, label: STATUS_CATEGORIES[k][lang] }))}
          />
        </Form.Item>
        <Form.Item name="category" label={t('grant.category')} rules={[{ required: true, message: t('grant.categoryRequired') }]}>
          <Select
            data-testid="grant-category"
            placeholder={kind ? t('grant.categoryPlaceholder') : t('grant.kindFirst')}
            disabled={!kind}
            options={categoryOptions(kind, lang)}
            showSearch={{ optionFilterProp: 'label' }}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
        {catalogue?.needsYear ? (
          <Form.Item name="year" label={t('grant.year')} extra={t('grant.yearHint', { year: String(thisYear) })}>
            <InputNumber data-testid="grant-year" min={2000} max={2100} precision={0} style={{ width: 160 }} />
          </Form.Item>
        ) : null}
        {cat?.needsDegree ? (
          <Form.Item
            name="degree"
            label={t('grant.degree')}
            extra={t('grant.degreeHint', { min: cat.degreeRange?.min ?? 1, max: cat.degreeRange?.max ?? 100 })}
          >
            <InputNumber data-testid="grant-degree" min={0} max={100} precision={0} suffix="%" style={{ width: 160 }} />
          </Form.Item>
        ) : null}
        <div className="form-row">
          <Form.Item
            name="validFrom"
            label={t('grant.validFrom')}
            extra={t('grant.validFromHint')}
            rules={[{ required: true, message: t('form.dateRequired') }]}
          >
            <DatePicker data-testid="grant-valid-from" format={DATE_FORMATS} placeholder={t('form.datePlaceholder')} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="validTo" label={t('grant.validTo')} extra={t('grant.validToHint')}>
            <DatePicker data-testid="grant-valid-to" format={DATE_FORMATS} placeholder={t('form.datePlaceholder')} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <div className="form-row">
          <Form.Item
            name="decisionNo"
            label={t('grant.decisionNo')}
            rules={[{ required: true, whitespace: true, message: t('grant.decisionNoRequired') }]}
          >
            <Input data-testid="grant-decision-no" placeholder={t('grant.decisionNoPlaceholder')} maxLength={60} />
          </Form.Item>
          <Form.Item name="decisionDate" label={t('grant.decisionDate')} rules={[{ required: true, message: t('form.dateRequired') }]}>
            <DatePicker data-testid="grant-decision-date" format={DATE_FORMATS} placeholder={t('form.datePlaceholder')} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Space wrap style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button data-testid="grant-submit" type="primary" htmlType="submit" loading={grant.isPending}>
            {t('grant.submit')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}

interface EndValues {
  validTo?: Dayjs | null;
  reason?: string;
}

/** End a status on a date, with the reason. The record stays as history. */
export function EndStatusModal({ status, onClose }: { status: StatusOut; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const label = useStatusLabel();
  const [form] = Form.useForm<EndValues>();
  const [errors, setErrors] = useState<string[]>([]);

  const end = useMutation({
    mutationFn: (body: EndStatusBody) => registryApi.endStatus(status.id, body),
    onSuccess: async (s) => {
      void message.success(t('end.done', { label: s.categoryLabel }));
      await qc.invalidateQueries({ queryKey: qk.registryAll });
      onClose();
    },
    onError: (e) => setErrors([errorText(e), ...applyFieldErrors(form, e, ['validTo', 'reason'])]),
  });

  return (
    <Modal open title={t('end.title', { label: label(status) })} footer={null} onCancel={onClose} mask={{ closable: false }}>
      <Typography.Paragraph type="secondary">{t('end.intro')}</Typography.Paragraph>
      <FormErrors messages={errors} testId="end-error" />
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        autoComplete="off"
        initialValues={{ validTo: dayjs() }}
        onFinish={(v) => {
          setErrors([]);
          end.mutate({ validTo: isoOf(v.validTo) ?? '', reason: (v.reason ?? '').trim() });
        }}
      >
        <Form.Item
          name="validTo"
          label={t('end.validTo')}
          extra={t('end.validToHint', { from: showDate(status.validFrom) })}
          rules={[
            { required: true, message: t('form.dateRequired') },
            {
              validator: async (_r, v: Dayjs | null | undefined) => {
                const iso = isoOf(v);
                if (iso && iso < status.validFrom) throw new Error(t('end.beforeStart', { from: showDate(status.validFrom) }));
              },
            },
          ]}
        >
          <DatePicker
            data-testid="end-valid-to"
            format={DATE_FORMATS}
            placeholder={t('form.datePlaceholder')}
            defaultPickerValue={toDayjs(status.validFrom) ?? undefined}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('end.reason')} rules={[{ required: true, whitespace: true, message: t('end.reasonRequired') }]}>
          <Input.TextArea data-testid="end-reason" rows={2} maxLength={300} placeholder={t('end.reasonPlaceholder')} />
        </Form.Item>
        <Space wrap style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button data-testid="end-submit" type="primary" danger htmlType="submit" loading={end.isPending}>
            {t('end.submit')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}

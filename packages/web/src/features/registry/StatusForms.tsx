import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import {
  findStatusCategory,
  officerText,
  STATUS_CATEGORIES,
  StatusKind,
  todayInVietnam,
  validateStatusGrant,
} from '@ansinh/domain';
import type { EndStatusBody, GrantStatusBody, StatusOut } from '@ansinh/domain';
import { registryApi, registryKeys } from './api';
import { useLang, useT } from '../../kernel/i18n';
import { ModalForm, useModalForm } from '../../components/ModalForm';
import { categoryOptions } from './shared';
import { DateInput, isoOf, toDayjs } from '../../components/DateInput';
import { showDate } from '../../kernel/format';

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
    {
      title: t('status.col.kind'),
      key: 'kind',
      width: 120,
      render: (_: unknown, s) => STATUS_CATEGORIES[s.kind][lang],
    },
    {
      title: t('status.col.category'),
      key: 'category',
      render: (_: unknown, s) => (
        <span>
          {label(s)}
          {s.year !== null ? (
            <Typography.Text type="secondary"> · {t('status.year', { year: String(s.year) })}</Typography.Text>
          ) : null}
          {s.degree !== null ? (
            <Typography.Text type="secondary"> · {t('status.degree', { degree: s.degree })}</Typography.Text>
          ) : null}
        </span>
      ),
    },
    {
      title: t('status.col.period'),
      key: 'period',
      width: 210,
      render: (_: unknown, s) =>
        t('status.period', {
          from: showDate(s.validFrom),
          to: s.validTo ? showDate(s.validTo) : t('status.openEnded'),
        }),
    },
    {
      title: t('status.col.decision'),
      key: 'decision',
      ellipsis: true,
      render: (_: unknown, s) => t('status.decision', { no: s.decisionNo, date: showDate(s.decisionDate) }),
    },
    {
      title: t('status.col.state'),
      key: 'state',
      width: 180,
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
      width: 120,
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
        // Fits the person page at 1366 px (issue 18): fixed columns, the category wraps, a long
        // decision ends in "…" with the whole of it on hover; narrower, it scrolls in its box.
        tableLayout="fixed"
        scroll={{ x: 860 }}
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

const GRANT_FIELDS = [
  'kind',
  'category',
  'year',
  'degree',
  'validFrom',
  'validTo',
  'decisionNo',
  'decisionDate',
] as const;

/** Grant a status with the decision that grants it. Kinds are limited to those fit for the subject. */
export function GrantStatusModal({ subject, onClose }: { subject: Subject; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const f = useModalForm<GrantValues>(GRANT_FIELDS, onClose);
  const { form } = f;
  const kinds = StatusKind.options.filter((k) => STATUS_CATEGORIES[k].subject === subject.kind);
  const kind = Form.useWatch('kind', form);
  const category = Form.useWatch('category', form);
  const catalogue = kind ? STATUS_CATEGORIES[kind] : undefined;
  const cat = kind && category ? findStatusCategory(kind, category) : undefined;
  const thisYear = Number(todayInVietnam().slice(0, 4));

  const grant = useMutation({
    mutationFn: (body: GrantStatusBody) => registryApi.grantStatus(body),
    onSuccess: (s) => f.done(t('grant.done', { label: s.categoryLabel }), registryKeys.all),
    onError: f.showError,
  });

  const onFinish = (v: GrantValues) => {
    if (!v.kind || !v.category) return;
    const body: GrantStatusBody = {
      kind: v.kind,
      ...(subject.kind === 'person' ? { personId: subject.id } : { householdId: subject.id }),
      category: v.category,
      ...(STATUS_CATEGORIES[v.kind].needsYear && v.year != null ? { year: v.year } : {}),
      ...((cat?.needsDegree || cat?.optionalDegreeRange) && v.degree != null ? { degree: v.degree } : {}),
      validFrom: isoOf(v.validFrom) ?? '',
      ...(isoOf(v.validTo) ? { validTo: isoOf(v.validTo)! } : {}),
      decisionNo: (v.decisionNo ?? '').trim(),
      decisionDate: isoOf(v.decisionDate) ?? '',
    };
    // The rules of the catalogue, checked here first so the officer sees them on the fields.
    const problems = validateStatusGrant({ ...body, today: todayInVietnam() });
    if (problems.length) {
      const fields = problems.map((p) => ({ name: p.path.replace(/^body\./, ''), errors: [p.message] }));
      const known = fields.filter((field) => (GRANT_FIELDS as readonly string[]).includes(field.name));
      form.setFields(
        known.map((field) => ({ name: field.name as (typeof GRANT_FIELDS)[number], errors: field.errors })),
      );
      const rest = fields.filter((field) => !known.includes(field)).flatMap((field) => field.errors);
      if (rest.length) f.setErrors(rest);
      return;
    }
    grant.mutate(body);
  };

  const title =
    subject.kind === 'person'
      ? t('grant.titlePerson', { name: subject.name })
      : t('grant.titleHousehold', { code: subject.code });

  return (
    <ModalForm<GrantValues>
      state={f}
      title={title}
      width={640}
      errorTestId="grant-error"
      submit={{ label: t('grant.submit'), testId: 'grant-submit', loading: grant.isPending }}
      onFinish={onFinish}
      initialValues={{
        kind: kinds.length === 1 ? kinds[0] : undefined,
        year: thisYear,
        validFrom: dayjs(),
        decisionDate: dayjs(),
      }}
      // The category and degree belong to the kind: a new kind starts them afresh.
      onValuesChange={(changed) => {
        if ('kind' in changed) form.setFieldsValue({ category: undefined, degree: null });
      }}
    >
      <Form.Item
        name="kind"
        label={t('grant.kind')}
        rules={[{ required: true, message: t('grant.kindRequired') }]}
        extra={catalogue ? t('grant.legalBasis', { basis: officerText(catalogue.legalBasis) }) : undefined}
      >
        <Select
          data-testid="grant-kind"
          placeholder={t('grant.kindPlaceholder')}
          options={kinds.map((k) => ({ value: k, label: STATUS_CATEGORIES[k][lang] }))}
        />
      </Form.Item>
      <Form.Item
        name="category"
        label={t('grant.category')}
        rules={[{ required: true, message: t('grant.categoryRequired') }]}
      >
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
      {cat?.needsDegree || cat?.optionalDegreeRange ? (
        <Form.Item
          name="degree"
          label={t('grant.degree')}
          extra={t('grant.degreeHint', {
            min: (cat.degreeRange ?? cat.optionalDegreeRange)?.min ?? 1,
            max: (cat.degreeRange ?? cat.optionalDegreeRange)?.max ?? 100,
          })}
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
          <DateInput data-testid="grant-valid-from" />
        </Form.Item>
        <Form.Item name="validTo" label={t('grant.validTo')} extra={t('grant.validToHint')}>
          <DateInput data-testid="grant-valid-to" />
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
        <Form.Item
          name="decisionDate"
          label={t('grant.decisionDate')}
          rules={[{ required: true, message: t('form.dateRequired') }]}
        >
          <DateInput data-testid="grant-decision-date" />
        </Form.Item>
      </div>
    </ModalForm>
  );
}

interface EndValues {
  validTo?: Dayjs | null;
  reason?: string;
}

/** End a status on a date, with the reason. The record stays as history. */
export function EndStatusModal({ status, onClose }: { status: StatusOut; onClose: () => void }) {
  const t = useT();
  const label = useStatusLabel();
  const f = useModalForm<EndValues>(['validTo', 'reason'], onClose);

  const end = useMutation({
    mutationFn: (body: EndStatusBody) => registryApi.endStatus(status.id, body),
    onSuccess: (s) => f.done(t('end.done', { label: s.categoryLabel }), registryKeys.all),
    onError: f.showError,
  });

  return (
    <ModalForm<EndValues>
      state={f}
      title={t('end.title', { label: label(status) })}
      intro={<Typography.Paragraph type="secondary">{t('end.intro')}</Typography.Paragraph>}
      errorTestId="end-error"
      submit={{ label: t('end.submit'), testId: 'end-submit', loading: end.isPending, danger: true }}
      initialValues={{ validTo: dayjs() }}
      onFinish={(v) => end.mutate({ validTo: isoOf(v.validTo) ?? '', reason: (v.reason ?? '').trim() })}
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
              if (iso && iso < status.validFrom)
                throw new Error(t('end.beforeStart', { from: showDate(status.validFrom) }));
            },
          },
        ]}
      >
        <DateInput data-testid="end-valid-to" defaultPickerValue={toDayjs(status.validFrom) ?? undefined} width={200} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('end.reason')}
        rules={[{ required: true, whitespace: true, message: t('end.reasonRequired') }]}
      >
        <Input.TextArea data-testid="end-reason" rows={2} maxLength={300} placeholder={t('end.reasonPlaceholder')} />
      </Form.Item>
    </ModalForm>
  );
}

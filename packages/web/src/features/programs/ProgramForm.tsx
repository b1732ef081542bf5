import { useRef } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, Space } from 'antd';
import type { FormInstance, InputRef } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  CreateProgramBody,
  PROGRAM_GROUPS,
  PROGRAM_KINDS,
  PROGRAM_UNITS,
  STATUS_CATEGORIES,
  StatusKind,
} from '@ansinh/domain';
import type { AmountRule, Selector } from '@ansinh/domain';
import { useLang, useT } from '../../kernel/i18n';
import { ModalForm, useModalForm } from '../../components/ModalForm';
import { DateInput, isoOf } from '../../components/DateInput';
import { pk, programsApi } from './api';
import { KIND_KEYS, statusKinds, UNIT_KEYS } from './shared';

interface SelectorValues {
  status?: StatusKind;
  categories?: string[];
  year?: number | null;
  minDegree?: number | null;
  minAge?: number | null;
  maxAge?: number | null;
}

interface ProgramValues {
  code?: string;
  name?: string;
  legalBasis?: string;
  legalDate?: Dayjs | null;
  kind?: (typeof PROGRAM_KINDS)[number];
  unit?: (typeof PROGRAM_UNITS)[number];
  periodKind?: 'once' | 'monthly';
  refDate?: Dayjs | null;
  periodFrom?: Dayjs | null;
  periodTo?: Dayjs | null;
  budget?: number | null;
  fundingSource?: string;
  group?: (typeof PROGRAM_GROUPS)[number] | null;
  listByImport?: boolean;
  per?: 'person' | 'household';
  selectors?: SelectorValues[];
  amountType?: AmountRule['type'];
  fixedAmount?: number | null;
  categoryAmounts?: { category?: string; amount?: number | null }[];
  gift?: 'tet' | '27_7';
  perPerson?: number | null;
  quantityUnit?: 'kg' | 'card';
  ruleFrom?: Dayjs | null;
  note?: string;
}

const FIELDS = [
  'code',
  'name',
  'legalBasis',
  'legalDate',
  'kind',
  'unit',
  'periodKind',
  'refDate',
  'periodFrom',
  'periodTo',
  'budget',
  'fundingSource',
  'group',
] as const;

const opt = <T,>(v: T | null | undefined): T | undefined => (v === null || v === undefined ? undefined : v);

/** The form's values as the API's body (validated by the caller with the contract). */
function bodyOf(v: ProgramValues): unknown {
  const selectors: Selector[] = (v.selectors ?? []).map((s) => {
    const out: Record<string, unknown> = { status: s.status };
    if (s.categories?.length) out.categories = s.categories;
    for (const k of ['year', 'minDegree', 'minAge', 'maxAge'] as const) if (opt(s[k]) !== undefined) out[k] = s[k];
    return out as Selector;
  });
  let amount: unknown;
  switch (v.amountType) {
    case 'fixed':
      amount = { type: 'fixed', amount: v.fixedAmount };
      break;
    case 'by_category':
      amount = {
        type: 'by_category',
        amounts: Object.fromEntries(
          (v.categoryAmounts ?? []).filter((r) => r.category).map((r) => [r.category, r.amount]),
        ),
      };
      break;
    case 'gift':
      amount = { type: 'gift', gift: v.gift };
      break;
    case 'social_assistance':
      amount = { type: 'social_assistance' };
      break;
    case 'quantity':
      amount = { type: 'quantity', perPerson: v.perPerson, unit: v.quantityUnit };
      break;
  }
  const periodFrom = isoOf(v.periodFrom);
  return {
    code: (v.code ?? '').trim().toUpperCase(),
    name: v.name ?? '',
    legalBasis: v.legalBasis ?? '',
    legalDate: isoOf(v.legalDate) ?? null,
    kind: v.kind,
    unit: v.unit,
    periodKind: v.periodKind,
    refDate: isoOf(v.refDate) ?? periodFrom,
    periodFrom,
    periodTo: isoOf(v.periodTo) ?? null,
    budget: opt(v.budget) ?? null,
    fundingSource: v.fundingSource?.trim() || null,
    group: v.group ?? null,
    listByImport: !!v.listByImport,
    rule: {
      validFrom: isoOf(v.ruleFrom) ?? periodFrom,
      eligibility: { per: v.per, any: selectors },
      amount,
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
    },
  };
}

/** One way to qualify: a status kind, its categories and the narrowing conditions. */
function SelectorRow({
  form,
  name,
  onRemove,
  canRemove,
}: {
  form: FormInstance<ProgramValues>;
  name: number;
  onRemove: () => void;
  canRemove: boolean;
}) {
  const t = useT();
  const { lang } = useLang();
  const status = Form.useWatch(['selectors', name, 'status'], form) as StatusKind | undefined;
  const categories = status ? STATUS_CATEGORIES[status].categories.map((c) => ({ value: c.code, label: c[lang] })) : [];
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid={`program-selector-${name}`}>
      <Row gutter={8}>
        <Col xs={24} md={10}>
          <Form.Item
            name={[name, 'status']}
            label={t('programs.form.status')}
            rules={[{ required: true, message: t('programs.form.statusRequired') }]}
          >
            <Select
              data-testid={`program-selector-status-${name}`}
              options={statusKinds(lang)}
              onChange={() => form.setFieldValue(['selectors', name, 'categories'], undefined)}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item
            name={[name, 'categories']}
            label={t('programs.form.categories')}
            extra={t('programs.form.categoriesHint')}
          >
            <Select
              data-testid={`program-selector-categories-${name}`}
              mode="multiple"
              allowClear
              options={categories}
              optionFilterProp="label"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[name, 'year']} label={t('programs.form.year')}>
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[name, 'minDegree']} label={t('programs.form.minDegree')}>
            <InputNumber min={1} max={100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[name, 'minAge']} label={t('programs.form.minAge')}>
            <InputNumber min={0} max={130} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[name, 'maxAge']} label={t('programs.form.maxAge')}>
            <InputNumber min={0} max={130} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {canRemove && (
        <Button size="small" onClick={onRemove}>
          {t('programs.form.removeSelector')}
        </Button>
      )}
    </Card>
  );
}

/** Create a program with its first rule (who qualifies, how much). Province officers only. */
export function CreateProgramModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const navigate = useNavigate();
  const f = useModalForm<ProgramValues>(FIELDS, onClose);
  const { form } = f;
  const codeRef = useRef<InputRef>(null);
  const amountType = Form.useWatch('amountType', form);
  const allCategories = StatusKind.options.flatMap((k) =>
    STATUS_CATEGORIES[k].categories.map((c) => ({ value: c.code, label: `${c[lang]} (${c.code})` })),
  );
  const uniqueCategories = [...new Map(allCategories.map((c) => [c.value, c])).values()];

  const create = useMutation({
    mutationFn: programsApi.createProgram,
    onSuccess: async (p) => {
      await f.done(t('programs.created', { name: p.name }), pk.all);
      void navigate(`/programs/${p.id}`);
    },
    onError: f.showError,
  });

  const onFinish = (v: ProgramValues) => {
    const parsed = CreateProgramBody.safeParse(bodyOf(v));
    if (!parsed.success) {
      f.setErrors(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
      return;
    }
    create.mutate(parsed.data);
  };

  return (
    <ModalForm<ProgramValues>
      state={f}
      title={t('programs.create')}
      intro={<p>{t('programs.form.intro')}</p>}
      errorTestId="program-form-error"
      submit={{ label: t('programs.create'), testId: 'program-form-submit', loading: create.isPending }}
      onFinish={onFinish}
      width={860}
      focusRef={codeRef}
      initialValues={{
        kind: 'gift',
        unit: 'dong',
        periodKind: 'once',
        per: 'person',
        selectors: [{}],
        amountType: 'fixed',
        quantityUnit: 'kg',
        gift: 'tet',
        categoryAmounts: [{}],
      }}
    >
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item
            name="code"
            label={t('programs.form.code')}
            extra={t('programs.form.codeHint')}
            rules={[{ required: true, message: t('programs.form.codeRequired') }]}
          >
            <Input ref={codeRef} data-testid="program-form-code" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item
            name="name"
            label={t('programs.form.name')}
            rules={[{ required: true, message: t('programs.form.nameRequired') }]}
          >
            <Input data-testid="program-form-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item
            name="legalBasis"
            label={t('programs.form.legalBasis')}
            extra={t('programs.form.legalBasisHint')}
            rules={[{ required: true, message: t('programs.form.legalBasisRequired') }]}
          >
            <Input data-testid="program-form-legal-basis" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="legalDate" label={t('programs.form.legalDate')}>
            <DateInput data-testid="program-form-legal-date" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="kind" label={t('programs.form.kind')}>
            <Select
              data-testid="program-form-kind"
              options={PROGRAM_KINDS.map((k) => ({ value: k, label: t(KIND_KEYS[k]) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="unit" label={t('programs.form.unit')}>
            <Select
              data-testid="program-form-unit"
              options={PROGRAM_UNITS.map((u) => ({ value: u, label: t(UNIT_KEYS[u]) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="periodKind" label={t('programs.form.periodKind')}>
            <Radio.Group data-testid="program-form-period-kind">
              <Radio value="once">{t('programs.periodKind.once')}</Radio>
              <Radio value="monthly">{t('programs.periodKind.monthly')}</Radio>
            </Radio.Group>
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="periodFrom"
            label={t('programs.form.periodFrom')}
            rules={[{ required: true, message: t('programs.form.dateRequired') }]}
          >
            <DateInput data-testid="program-form-period-from" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="periodTo" label={t('programs.form.periodTo')}>
            <DateInput data-testid="program-form-period-to" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="refDate" label={t('programs.form.refDate')} extra={t('programs.form.refDateHint')}>
            <DateInput data-testid="program-form-ref-date" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="budget" label={t('programs.form.budget')}>
            <InputNumber<number>
              data-testid="program-form-budget"
              min={0}
              step={1000}
              style={{ width: '100%' }}
              formatter={(v) => (v === undefined ? '' : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.'))}
              parser={(v) => Number((v ?? '').replace(/\./g, '')) || 0}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="fundingSource" label={t('programs.form.fundingSource')}>
            <Input data-testid="program-form-funding" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="group" label={t('programs.form.group')} extra={t('programs.form.groupHint')}>
            <Select
              data-testid="program-form-group"
              allowClear
              options={PROGRAM_GROUPS.map((g) => ({ value: g, label: t(`programs.group.${g}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="listByImport" valuePropName="checked" extra={t('programs.form.listByImportHint')}>
        <Checkbox data-testid="program-form-list-by-import">{t('programs.import.setting')}</Checkbox>
      </Form.Item>

      <h4>{t('programs.form.eligibility')}</h4>
      <Form.Item name="per" label={t('programs.form.per')}>
        <Radio.Group data-testid="program-form-per">
          <Radio value="person">{t('programs.rule.perPerson')}</Radio>
          <Radio value="household">{t('programs.rule.perHousehold')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.List name="selectors">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <SelectorRow
                key={field.key}
                form={form}
                name={field.name}
                canRemove={fields.length > 1}
                onRemove={() => remove(field.name)}
              />
            ))}
            <Button onClick={() => add({})} data-testid="program-form-add-selector" style={{ marginBottom: 16 }}>
              {t('programs.form.addSelector')}
            </Button>
          </>
        )}
      </Form.List>

      <h4>{t('programs.form.amount')}</h4>
      <Row gutter={12}>
        <Col xs={24} md={10}>
          <Form.Item name="amountType" label={t('programs.form.amountType')}>
            <Select
              data-testid="program-form-amount-type"
              options={[
                { value: 'fixed', label: t('programs.amountType.fixed') },
                { value: 'by_category', label: t('programs.amountType.by_category') },
                { value: 'gift', label: t('programs.amountType.gift') },
                { value: 'social_assistance', label: t('programs.amountType.social_assistance') },
                { value: 'quantity', label: t('programs.amountType.quantity') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          {amountType === 'fixed' && (
            <Form.Item
              name="fixedAmount"
              label={t('programs.form.fixedAmount')}
              rules={[{ required: true, message: t('programs.form.amountRequired') }]}
            >
              <InputNumber data-testid="program-form-fixed-amount" min={0} step={1000} style={{ width: '100%' }} />
            </Form.Item>
          )}
          {amountType === 'gift' && (
            <Form.Item name="gift" label={t('programs.form.gift')}>
              <Select
                data-testid="program-form-gift"
                options={[
                  { value: 'tet', label: t('programs.rule.giftTet') },
                  { value: '27_7', label: t('programs.rule.gift277') },
                ]}
              />
            </Form.Item>
          )}
          {amountType === 'quantity' && (
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item
                name="perPerson"
                label={t('programs.form.perPerson')}
                rules={[{ required: true, message: t('programs.form.amountRequired') }]}
                style={{ flex: 1 }}
              >
                <InputNumber data-testid="program-form-per-person" min={0.001} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="quantityUnit" label={t('programs.form.unit')}>
                <Select
                  style={{ width: 120 }}
                  options={[
                    { value: 'kg', label: t('programs.unit.kg') },
                    { value: 'card', label: t('programs.unit.card') },
                  ]}
                />
              </Form.Item>
            </Space.Compact>
          )}
          {amountType === 'social_assistance' && <p>{t('programs.rule.socialAssistance')}</p>}
        </Col>
      </Row>
      {amountType === 'by_category' && (
        <Form.List name="categoryAmounts">
          {(fields, { add, remove }) => (
            <div data-testid="program-form-category-amounts">
              {fields.map((field) => (
                <Space key={field.key} align="start" wrap>
                  <Form.Item
                    name={[field.name, 'category']}
                    rules={[{ required: true, message: t('programs.form.categoryRequired') }]}
                  >
                    <Select
                      aria-label={t('programs.form.category')}
                      placeholder={t('programs.form.category')}
                      showSearch
                      optionFilterProp="label"
                      options={uniqueCategories}
                      style={{ width: 340 }}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'amount']}
                    rules={[{ required: true, message: t('programs.form.amountRequired') }]}
                  >
                    <InputNumber
                      aria-label={t('programs.form.fixedAmount')}
                      placeholder={t('programs.form.fixedAmount')}
                      min={0}
                      step={1000}
                      style={{ width: 180 }}
                    />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button onClick={() => remove(field.name)}>{t('programs.form.removeRow')}</Button>
                  )}
                </Space>
              ))}
              <Button onClick={() => add({})} style={{ marginBottom: 16 }}>
                {t('programs.form.addRow')}
              </Button>
            </div>
          )}
        </Form.List>
      )}
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="ruleFrom" label={t('programs.form.ruleFrom')} extra={t('programs.form.ruleFromHint')}>
            <DateInput data-testid="program-form-rule-from" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="note" label={t('programs.form.note')}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
    </ModalForm>
  );
}

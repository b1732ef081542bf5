import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Alert, Form, Input, Radio, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { AreaCode } from '@ansinh/domain';
import type {
  CreateHouseholdBody,
  HouseholdEventBody,
  HouseholdOut,
  PatchHouseholdBody,
  Residence,
} from '@ansinh/domain';
import { registryApi, registryKeys } from './api';
import { useMe } from '../../kernel/auth';
import { zodRule } from '../../kernel/forms';
import { useT } from '../../kernel/i18n';
import type { MessageKey } from '../../kernel/i18n';
import { ModalForm, useModalForm } from '../../components/ModalForm';
import { AreaCodeInput } from '../areas';
import { DateInput, isoOf } from '../../components/DateInput';
import { numberOrNull, orNull, phoneRule, useOptions } from './shared';

const COMMUNE_RE = /^\d{5}$/;
const HOUSEHOLD_CODE_RE = /^\d{5}-\d{6}$/;

interface HouseholdValues {
  communeCode?: string;
  village?: string;
  address?: string;
  residence?: Residence;
  phone?: string;
  headPersonId?: number;
}

const HOUSEHOLD_FIELDS = ['communeCode', 'village', 'address', 'residence', 'phone', 'headPersonId'] as const;

/** Village, phone and address: the same when registering a household and when editing it. */
function AddressFields({ phonePlaceholder }: { phonePlaceholder?: string }) {
  const t = useT();
  return (
    <>
      <div className="form-row">
        <Form.Item name="village" label={t('household.form.village')}>
          <Input
            data-testid="household-form-village"
            placeholder={t('household.form.villagePlaceholder')}
            maxLength={120}
          />
        </Form.Item>
        <Form.Item name="phone" label={t('household.form.phone')} extra={t('form.phoneHint')} rules={[phoneRule(t)]}>
          <Input data-testid="household-form-phone" inputMode="tel" maxLength={15} placeholder={phonePlaceholder} />
        </Form.Item>
      </div>
      <Form.Item name="address" label={t('household.form.address')}>
        <Input
          data-testid="household-form-address"
          placeholder={t('household.form.addressPlaceholder')}
          maxLength={300}
        />
      </Form.Item>
    </>
  );
}

/** Register a new household; on success, open it so the officer adds its members. */
export function CreateHouseholdModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const o = useOptions();
  const f = useModalForm<HouseholdValues>(HOUSEHOLD_FIELDS, onClose);

  const create = useMutation({
    mutationFn: (body: CreateHouseholdBody) => registryApi.createHousehold(body),
    onSuccess: async (h) => {
      await f.done(t('household.created', { code: h.code }), registryKeys.all);
      void navigate(`/registry/households/${h.id}`);
    },
    onError: f.showError,
  });

  return (
    <ModalForm<HouseholdValues>
      state={f}
      title={t('household.form.createTitle')}
      width={600}
      errorTestId="household-form-error"
      submit={{ label: t('household.form.create'), testId: 'household-form-submit', loading: create.isPending }}
      // A commune officer registers households of their own commune: propose it.
      initialValues={{ communeCode: COMMUNE_RE.test(me.areaCode) ? me.areaCode : '', residence: 'rural' }}
      onFinish={(v) =>
        create.mutate({
          communeCode: (v.communeCode ?? '').trim(),
          village: orNull(v.village),
          address: orNull(v.address),
          residence: v.residence ?? 'rural',
          phone: numberOrNull(v.phone),
        })
      }
    >
      <Form.Item
        name="communeCode"
        label={t('household.form.commune')}
        extra={t('household.form.communeHint')}
        rules={[
          zodRule(AreaCode),
          {
            validator: async (_r, v: unknown) => {
              if (typeof v === 'string' && v.trim() && !COMMUNE_RE.test(v.trim()))
                throw new Error(t('household.form.communeFiveDigits'));
            },
          },
        ]}
      >
        <AreaCodeInput testId="household-form-commune" showName />
      </Form.Item>
      <AddressFields phonePlaceholder="0912345678" />
      <Form.Item
        name="residence"
        label={t('household.form.residence')}
        extra={t('household.form.residenceHint')}
        rules={[{ required: true, message: t('household.form.residenceRequired') }]}
      >
        <Radio.Group data-testid="household-form-residence" options={o.residences} optionType="button" />
      </Form.Item>
    </ModalForm>
  );
}

/** Edit the address, residence, phone and head of a household; sends only what changed. */
export function EditHouseholdModal({ household, onClose }: { household: HouseholdOut; onClose: () => void }) {
  const t = useT();
  const o = useOptions();
  const f = useModalForm<HouseholdValues>(HOUSEHOLD_FIELDS, onClose);

  const patch = useMutation({
    mutationFn: (body: PatchHouseholdBody) => registryApi.patchHousehold(household.id, body),
    onSuccess: (h) => f.done(t('household.updated', { code: h.code }), registryKeys.all),
    onError: f.showError,
  });

  const onFinish = (v: HouseholdValues) => {
    const body: PatchHouseholdBody = {};
    const village = orNull(v.village);
    if (village !== household.village) body.village = village;
    const address = orNull(v.address);
    if (address !== household.address) body.address = address;
    if (v.residence && v.residence !== household.residence) body.residence = v.residence;
    const phone = numberOrNull(v.phone);
    if (phone !== household.phone) body.phone = phone;
    if (v.headPersonId && v.headPersonId !== household.headPersonId) body.headPersonId = v.headPersonId;
    f.saveChanges(body, patch.mutate, t('registry.noChanges'));
  };

  const members = household.members.filter((m) => !m.deceasedOn && !m.movedOutOn);
  return (
    <ModalForm<HouseholdValues>
      state={f}
      title={t('household.form.editTitle', { code: household.code })}
      width={600}
      errorTestId="household-form-error"
      submit={{ label: t('common.save'), testId: 'household-form-submit', loading: patch.isPending }}
      onFinish={onFinish}
      initialValues={{
        village: household.village ?? '',
        address: household.address ?? '',
        residence: household.residence,
        phone: household.phone ?? '',
        headPersonId: household.headPersonId ?? undefined,
      }}
    >
      <Form.Item name="headPersonId" label={t('household.form.head')} extra={t('household.form.headHint')}>
        <Select
          data-testid="household-form-head"
          placeholder={t('household.noHead')}
          options={members.map((m) => ({ value: m.id, label: m.fullName }))}
        />
      </Form.Item>
      <AddressFields />
      <Form.Item name="residence" label={t('household.form.residence')} extra={t('household.form.residenceHint')}>
        <Radio.Group data-testid="household-form-residence" options={o.residences} optionType="button" />
      </Form.Item>
    </ModalForm>
  );
}

type EventKind = HouseholdEventBody['kind'];
const EVENT_KINDS: EventKind[] = ['moved', 'split', 'merged', 'dissolved'];
const EVENT_HINTS: Record<EventKind, MessageKey> = {
  moved: 'event.hint.moved',
  split: 'event.hint.split',
  merged: 'event.hint.merged',
  dissolved: 'event.hint.dissolved',
};
export const EVENT_LABELS: Record<string, MessageKey> = {
  created: 'household.event.created',
  moved: 'household.event.moved',
  split: 'household.event.split',
  merged: 'household.event.merged',
  dissolved: 'household.event.dissolved',
};

interface EventValues {
  kind?: EventKind;
  date?: Dayjs | null;
  relatedCode?: string;
  note?: string;
}

/** Record that a household moved, split, merged into another or was dissolved. */
export function HouseholdEventModal({ household, onClose }: { household: HouseholdOut; onClose: () => void }) {
  const t = useT();
  const f = useModalForm<EventValues>(['kind', 'date', 'note'], onClose);
  const { form } = f;
  const kind = Form.useWatch('kind', form);

  const record = useMutation({
    mutationFn: async (v: EventValues) => {
      let relatedHouseholdId: number | undefined;
      const code = (v.relatedCode ?? '').trim();
      if (code) {
        // The API takes the id of the related household; officers know its code.
        const found = await registryApi.households({ q: code, pageSize: 5 });
        const h = found.items.find((x) => x.code === code);
        if (!h) {
          form.setFields([{ name: 'relatedCode', errors: [t('event.relatedNotFound', { code })] }]);
          return null;
        }
        relatedHouseholdId = h.id;
      }
      const note = (v.note ?? '').trim();
      return registryApi.householdEvent(household.id, {
        kind: v.kind!,
        date: isoOf(v.date) ?? '',
        ...(note ? { note } : {}),
        ...(relatedHouseholdId ? { relatedHouseholdId } : {}),
      });
    },
    // Null: the related household was not found, which is already shown on its field.
    onSuccess: (h) => (h ? f.done(t('event.recorded', { code: h.code }), registryKeys.all) : undefined),
    onError: f.showError,
  });

  return (
    <ModalForm<EventValues>
      state={f}
      title={t('event.title', { code: household.code })}
      width={600}
      errorTestId="event-form-error"
      submit={{ label: t('event.submit'), testId: 'event-form-submit', loading: record.isPending }}
      initialValues={{ date: dayjs() }}
      onFinish={(v) => record.mutate(v)}
    >
      <Form.Item
        name="kind"
        label={t('event.kind')}
        extra={kind ? t(EVENT_HINTS[kind]) : undefined}
        rules={[{ required: true, message: t('event.kindRequired') }]}
      >
        <Radio.Group data-testid="event-form-kind">
          <Space orientation="vertical">
            {EVENT_KINDS.map((k) => (
              <Radio key={k} value={k}>
                {t(EVENT_LABELS[k]!)}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="date" label={t('event.date')} rules={[{ required: true, message: t('form.dateRequired') }]}>
        <DateInput data-testid="event-form-date" width={200} />
      </Form.Item>
      {kind === 'merged' || kind === 'split' ? (
        <Form.Item
          name="relatedCode"
          label={t('event.related')}
          extra={t('event.relatedHint')}
          rules={[
            ...(kind === 'merged' ? [{ required: true, whitespace: true, message: t('event.relatedRequired') }] : []),
            {
              validator: async (_r: unknown, v: unknown) => {
                const s = typeof v === 'string' ? v.trim() : '';
                if (s && !HOUSEHOLD_CODE_RE.test(s)) throw new Error(t('event.relatedFormat'));
                if (s && s === household.code) throw new Error(t('event.relatedSelf'));
              },
            },
          ]}
        >
          <Input data-testid="event-form-related" placeholder="25213-000042" maxLength={12} />
        </Form.Item>
      ) : null}
      <Form.Item name="note" label={t('event.note')}>
        <Input.TextArea
          data-testid="event-form-note"
          rows={2}
          maxLength={500}
          placeholder={t('event.notePlaceholder')}
        />
      </Form.Item>
      {kind && kind !== 'split' ? (
        <Alert type="warning" showIcon title={t('event.irreversible')} style={{ marginBottom: 16 }} />
      ) : null}
    </ModalForm>
  );
}

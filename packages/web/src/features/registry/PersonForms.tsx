import { useRef } from 'react';
import type { Ref } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Form, Input, Radio, Select, Typography } from 'antd';
import type { FormInstance, InputRef } from 'antd';
import type { Dayjs } from 'dayjs';
import { cleanPersonName, parsePartialDate } from '@ansinh/domain';
import type {
  CreatePersonBody,
  DisabilityDegree,
  Gender,
  HouseholdOut,
  PatchPersonBody,
  PersonOut,
  Relation,
} from '@ansinh/domain';
import { registryApi, registryKeys } from './api';
import { TN, useT } from '../../kernel/i18n';
import { ModalForm, useModalForm } from '../../components/ModalForm';
import {
  citizenIdRule,
  filterEthnic,
  numberOrNull,
  orNull,
  partialDateRule,
  phoneRule,
  readPartialDate,
  useOptions,
} from './shared';
import { DateInput, isoOf, toDayjs } from '../../components/DateInput';
import { showPartialDate } from '../../kernel/format';

interface PersonValues {
  fullName?: string;
  gender?: Gender;
  birthDate?: string;
  citizenId?: string;
  oldIdNumber?: string;
  relation?: Relation | null;
  ethnicCode?: string | null;
  phone?: string;
  disability?: DisabilityDegree | 'none' | null;
  village?: string;
  deceasedOn?: Dayjs | null;
  movedOutOn?: Dayjs | null;
}

const PERSON_FIELDS = [
  'fullName',
  'gender',
  'birthDate',
  'citizenId',
  'oldIdNumber',
  'relation',
  'ethnicCode',
  'phone',
  'disability',
  'village',
  'deceasedOn',
  'movedOutOn',
] as const;

/** Under the birth-date box: how the typed text was read, so "5/1/50" surprises nobody. */
function BirthDateEcho({ form }: { form: FormInstance<PersonValues> }) {
  const t = useT();
  const text = Form.useWatch('birthDate', form);
  if (!text) return null;
  const r = parsePartialDate(text);
  if (!r.ok) return null;
  return (
    <Typography.Text type="secondary" data-testid="birth-date-echo">
      {t('person.form.birthDateRead', { date: showPartialDate(r.value) })}
    </Typography.Text>
  );
}

/** The fields a person has in both forms: identity, household relation, ethnic group, contact, disability. */
function PersonFields({
  form,
  firstRef,
  full,
}: {
  form: FormInstance<PersonValues>;
  firstRef: Ref<InputRef>;
  full: boolean;
}) {
  const t = useT();
  const o = useOptions();
  return (
    <>
      <Form.Item
        name="fullName"
        label={t('person.form.fullName')}
        extra={t('person.form.fullNameHint')}
        rules={[{ required: true, whitespace: true, message: t('person.form.fullNameRequired') }]}
      >
        <Input
          data-testid="person-form-fullname"
          ref={firstRef}
          placeholder={t('person.form.fullNamePlaceholder')}
          maxLength={120}
        />
      </Form.Item>
      <div className="form-row">
        <Form.Item
          name="gender"
          label={t('person.form.gender')}
          rules={[{ required: true, message: t('person.form.genderRequired') }]}
        >
          <Radio.Group data-testid="person-form-gender" options={o.genders} optionType="button" />
        </Form.Item>
        <Form.Item
          name="birthDate"
          label={t('person.form.birthDate')}
          extra={
            <>
              <div>{t('person.form.birthDateHint')}</div>
              <BirthDateEcho form={form} />
            </>
          }
          rules={[partialDateRule(t)]}
        >
          <Input
            data-testid="person-form-birthdate"
            placeholder={t('person.form.birthDatePlaceholder')}
            inputMode="numeric"
            maxLength={30}
          />
        </Form.Item>
      </div>
      <div className="form-row">
        <Form.Item
          name="citizenId"
          label={t('person.form.citizenId')}
          extra={t('person.form.citizenIdHint')}
          dependencies={['gender', 'birthDate']}
          rules={[
            citizenIdRule(() => ({
              gender: form.getFieldValue('gender') as Gender | undefined,
              birthDate: form.getFieldValue('birthDate') as string | undefined,
            })),
          ]}
        >
          <Input data-testid="person-form-citizen-id" inputMode="numeric" maxLength={20} placeholder="070050001234" />
        </Form.Item>
        <Form.Item name="relation" label={t('person.form.relation')} extra={t('person.form.relationHint')}>
          <Select
            data-testid="person-form-relation"
            allowClear
            placeholder={t('person.form.relationPlaceholder')}
            options={o.relations}
          />
        </Form.Item>
      </div>
      {full ? (
        <Form.Item name="oldIdNumber" label={t('person.form.oldId')} extra={t('person.form.oldIdHint')}>
          <Input data-testid="person-form-old-id" inputMode="numeric" maxLength={20} />
        </Form.Item>
      ) : null}
      <div className="form-row">
        <Form.Item name="ethnicCode" label={t('person.form.ethnic')}>
          <Select
            data-testid="person-form-ethnic"
            allowClear
            placeholder={t('person.form.ethnicPlaceholder')}
            options={o.ethnic}
            showSearch={{ filterOption: filterEthnic }}
          />
        </Form.Item>
        <Form.Item name="phone" label={t('person.form.phone')} extra={t('form.phoneHint')} rules={[phoneRule(t)]}>
          <Input data-testid="person-form-phone" inputMode="tel" maxLength={15} placeholder="0912345678" />
        </Form.Item>
      </div>
      <Form.Item name="disability" label={t('person.form.disability')} extra={t('person.form.disabilityHint')}>
        <Select
          data-testid="person-form-disability"
          options={[{ value: 'none', label: t('person.form.disabilityNone') }, ...o.disabilities]}
        />
      </Form.Item>
      {full ? (
        <>
          <Form.Item name="village" label={t('person.form.village')} extra={t('person.form.villageHint')}>
            <Input data-testid="person-form-village" maxLength={120} />
          </Form.Item>
          <div className="form-row">
            <Form.Item name="deceasedOn" label={t('person.form.deceasedOn')} extra={t('person.form.deceasedHint')}>
              <DateInput data-testid="person-form-deceased" />
            </Form.Item>
            <Form.Item name="movedOutOn" label={t('person.form.movedOutOn')} extra={t('person.form.movedHint')}>
              <DateInput data-testid="person-form-moved" />
            </Form.Item>
          </div>
        </>
      ) : null}
    </>
  );
}

const disabilityOf = (v: PersonValues['disability']): DisabilityDegree | null => (v && v !== 'none' ? v : null);

/** Add a member to a household. The first member is proposed as head of household. */
export function AddMemberModal({ household, onClose }: { household: HouseholdOut; onClose: () => void }) {
  const t = useT();
  const f = useModalForm<PersonValues>(PERSON_FIELDS, onClose);
  const firstRef = useRef<InputRef>(null);

  const create = useMutation({
    mutationFn: (body: CreatePersonBody) => registryApi.createPerson(body),
    onSuccess: (p) => f.done(t('person.added', { name: p.fullName, code: household.code }), registryKeys.all),
    onError: f.showError,
  });

  const onFinish = (v: PersonValues) => {
    const birthDate = readPartialDate(v.birthDate);
    if (!v.gender || !birthDate) return;
    create.mutate({
      householdId: household.id,
      fullName: cleanPersonName(v.fullName ?? ''),
      gender: v.gender,
      birthDate,
      citizenId: numberOrNull(v.citizenId),
      relation: v.relation ?? null,
      ethnicCode: v.ethnicCode ?? null,
      phone: numberOrNull(v.phone),
      disability: disabilityOf(v.disability),
    });
  };

  return (
    <ModalForm<PersonValues>
      state={f}
      title={t('person.form.addTitle', { code: household.code })}
      width={640}
      focusRef={firstRef}
      errorTestId="person-form-error"
      submit={{ label: t('person.form.add'), testId: 'person-form-submit', loading: create.isPending }}
      onFinish={onFinish}
      initialValues={{ relation: household.members.length === 0 ? 'head' : undefined, disability: 'none' }}
    >
      <PersonFields form={f.form} firstRef={firstRef} full={false} />
    </ModalForm>
  );
}

/** Edit a person: sends only what changed, so the audit log shows exactly that. */
export function EditPersonModal({ person, onClose }: { person: PersonOut; onClose: () => void }) {
  const t = useT();
  const f = useModalForm<PersonValues>(PERSON_FIELDS, onClose);
  const firstRef = useRef<InputRef>(null);

  const patch = useMutation({
    mutationFn: (body: PatchPersonBody) => registryApi.patchPerson(person.id, body),
    onSuccess: (p) => f.done(t('person.updated', { name: p.fullName }), registryKeys.all),
    onError: f.showError,
  });

  const onFinish = (v: PersonValues) => {
    const body: PatchPersonBody = {};
    const fullName = cleanPersonName(v.fullName ?? '');
    if (fullName !== person.fullName) body.fullName = fullName;
    if (v.gender && v.gender !== person.gender) body.gender = v.gender;
    const birthDate = readPartialDate(v.birthDate);
    if (birthDate && birthDate !== person.birthDate) body.birthDate = birthDate;
    const citizenId = numberOrNull(v.citizenId);
    if (citizenId !== person.citizenId) body.citizenId = citizenId;
    const oldId = numberOrNull(v.oldIdNumber);
    if (oldId !== person.oldIdNumber) body.oldIdNumber = oldId;
    const relation = v.relation ?? null;
    if (relation !== person.relation) body.relation = relation;
    const ethnicCode = v.ethnicCode ?? null;
    if (ethnicCode !== person.ethnicCode) body.ethnicCode = ethnicCode;
    const phone = numberOrNull(v.phone);
    if (phone !== person.phone) body.phone = phone;
    const disability = disabilityOf(v.disability);
    if (disability !== person.disability) body.disability = disability;
    const village = orNull(v.village);
    if (village !== person.village) body.village = village;
    const deceasedOn = isoOf(v.deceasedOn) ?? null;
    if (deceasedOn !== person.deceasedOn) body.deceasedOn = deceasedOn;
    const movedOutOn = isoOf(v.movedOutOn) ?? null;
    if (movedOutOn !== person.movedOutOn) body.movedOutOn = movedOutOn;
    f.saveChanges(body, patch.mutate, t('registry.noChanges'));
  };

  return (
    <ModalForm<PersonValues>
      state={f}
      title=<TN k="person.form.editTitle" p={{ name: person.fullName }} />
      width={640}
      focusRef={firstRef}
      errorTestId="person-form-error"
      submit={{ label: t('common.save'), testId: 'person-form-submit', loading: patch.isPending }}
      onFinish={onFinish}
      initialValues={{
        fullName: person.fullName,
        gender: person.gender,
        birthDate: showPartialDate(person.birthDate),
        citizenId: person.citizenId ?? '',
        oldIdNumber: person.oldIdNumber ?? '',
        relation: person.relation,
        ethnicCode: person.ethnicCode,
        phone: person.phone ?? '',
        disability: person.disability ?? 'none',
        village: person.village ?? '',
        deceasedOn: toDayjs(person.deceasedOn),
        movedOutOn: toDayjs(person.movedOutOn),
      }}
    >
      <PersonFields form={f.form} firstRef={firstRef} full />
    </ModalForm>
  );
}

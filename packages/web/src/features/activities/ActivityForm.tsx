import { useMutation } from '@tanstack/react-query';
import { Button, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  ACTIVITY_KINDS,
  ACTIVITY_TOPICS,
  type ActivityBody,
  type ActivityKind,
  type ActivityOut,
  type ActivityTopic,
} from '@ansinh/domain';
import { useLang, useT } from '../../kernel/i18n';
import { DateInput, isoOf, toDayjs } from '../../components/DateInput';
import { ModalForm, useModalForm } from '../../components/ModalForm';
import { activitiesApi, activitiesKeys } from './api';

interface Values {
  areaCode?: string;
  kind: ActivityKind;
  topic: ActivityTopic;
  title: string;
  startDate: Dayjs;
  endDate?: Dayjs | null;
  place?: string;
  organiser: string;
  targetGroup?: string;
  participantsTotal: number;
  participantsFemale?: number;
  groups?: { group: string; count: number }[];
  cost?: number;
  note?: string;
}
const FIELDS = [
  'areaCode',
  'kind',
  'topic',
  'title',
  'startDate',
  'endDate',
  'place',
  'organiser',
  'targetGroup',
  'participantsTotal',
  'participantsFemale',
  'groups',
  'cost',
  'note',
] as const;

/** Record a new activity, or correct one (`editing`). */
export function ActivityForm({ editing, onClose }: { editing: ActivityOut | null; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const f = useModalForm<Values>(FIELDS, onClose);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: ActivityBody = {
        ...(v.areaCode ? { areaCode: v.areaCode } : {}),
        kind: v.kind,
        topic: v.topic,
        title: v.title,
        startDate: isoOf(v.startDate) ?? '',
        endDate: isoOf(v.endDate) ?? null,
        place: v.place ?? '',
        organiser: v.organiser,
        targetGroup: v.targetGroup ?? '',
        participantsTotal: v.participantsTotal,
        participantsFemale: v.participantsFemale ?? 0,
        groups: (v.groups ?? []).filter((g) => g?.group),
        cost: v.cost ?? 0,
        note: v.note ?? '',
      };
      return editing ? activitiesApi.update(editing.id, body) : activitiesApi.create(body);
    },
    onSuccess: () => void f.done(t('activities.saved'), activitiesKeys.all),
    onError: f.showError,
  });
  const initial: Partial<Values> = editing
    ? {
        kind: editing.kind as ActivityKind,
        topic: editing.topic as ActivityTopic,
        title: editing.title,
        startDate: toDayjs(editing.startDate)!,
        endDate: toDayjs(editing.endDate),
        place: editing.place,
        organiser: editing.organiser,
        targetGroup: editing.targetGroup,
        participantsTotal: editing.participantsTotal,
        participantsFemale: editing.participantsFemale,
        groups: editing.groups,
        cost: editing.cost,
        note: editing.note,
      }
    : { kind: 'training', topic: 'other', participantsFemale: 0, cost: 0, groups: [] };
  return (
    <ModalForm<Values>
      state={f}
      title={editing ? editing.title : t('activities.new')}
      errorTestId="activity-errors"
      submit={{ label: t('common.save'), testId: 'activity-save', loading: save.isPending }}
      onFinish={(v) => save.mutate(v)}
      initialValues={initial}
      width={760}
    >
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="kind" label={t('activities.filter.kind')} rules={[{ required: true }]}>
            <Select options={ACTIVITY_KINDS.map((k) => ({ value: k.code, label: k[lang] }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="topic" label={t('activities.filter.topic')} rules={[{ required: true }]}>
            <Select options={ACTIVITY_TOPICS.map((k) => ({ value: k.code, label: k[lang] }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label={t('activities.form.title')} rules={[{ required: true, min: 3 }]}>
        <Input data-testid="activity-title" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="startDate" label={t('activities.form.start')} rules={[{ required: true }]}>
            <DateInput data-testid="activity-start" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="endDate" label={t('activities.form.end')}>
            <DateInput />
          </Form.Item>
        </Col>
        {!editing && (
          <Col xs={24} md={8}>
            <Form.Item name="areaCode" label={t('activities.form.area')}>
              <Input inputMode="numeric" />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="organiser" label={t('activities.form.organiser')} rules={[{ required: true, min: 2 }]}>
            <Input data-testid="activity-organiser" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="place" label={t('activities.form.place')}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="targetGroup" label={t('activities.form.target')}>
        <Input />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={12} md={8}>
          <Form.Item name="participantsTotal" label={t('activities.form.total')} rules={[{ required: true }]}>
            <InputNumber min={0} style={{ width: '100%' }} data-testid="activity-total" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="participantsFemale" label={t('activities.form.female')}>
            <InputNumber min={0} style={{ width: '100%' }} data-testid="activity-female" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="cost" label={t('activities.form.cost')}>
            <InputNumber min={0} step={100000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('activities.form.groups')}>
        <Form.List name="groups">
          {(items, { add, remove }) => (
            <>
              {items.map((it) => (
                <Space key={it.key} align="baseline" wrap>
                  <Form.Item name={[it.name, 'group']} rules={[{ required: true }]}>
                    <Input placeholder={t('activities.form.group')} aria-label={t('activities.form.group')} />
                  </Form.Item>
                  <Form.Item name={[it.name, 'count']} rules={[{ required: true }]}>
                    <InputNumber
                      min={0}
                      placeholder={t('activities.form.groupCount')}
                      aria-label={t('activities.form.groupCount')}
                    />
                  </Form.Item>
                  <Button onClick={() => remove(it.name)}>{t('activities.remove')}</Button>
                </Space>
              ))}
              <Button onClick={() => add({ group: '', count: 0 })}>{t('activities.form.addGroup')}</Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="note" label={t('activities.form.note')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </ModalForm>
  );
}

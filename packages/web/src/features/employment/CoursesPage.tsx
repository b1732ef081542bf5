import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, InputNumber, Select, Table } from 'antd';
import { SUPPORT_GROUPS, TRAINING_LEVELS, type EnrolBody } from '@ansinh/domain';
import { hasAbility, useAuth } from '../../kernel/auth';
import { useErrorText } from '../../kernel/errors';
import { formatDate } from '../../kernel/format';
import { useLang, useT } from '../../kernel/i18n';
import { LoadError } from '../../components/LoadError';
import { ek, employmentApi } from './api';
import { EmploymentHead, money } from './shared';
import { dataCell } from '../../kernel/format';

/** Courses with their learners; the centre enrols a worker, the support decided by the rule in force. */
export default function CoursesPage() {
  const t = useT();
  const { lang } = useLang();
  const { me } = useAuth();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ek.courses, queryFn: ({ signal }) => employmentApi.courses(signal) });
  const enrol = useMutation({
    mutationFn: (v: { courseId: number } & EnrolBody) =>
      employmentApi.enrol(v.courseId, { supplyId: v.supplyId, group: v.group }),
    onSuccess: (n) => {
      void qc.invalidateQueries({ queryKey: ek.courses });
      const support = n.supported
        ? t('employment.enrol.supported', { amount: money(n.supportCeiling) })
        : t('employment.enrol.notSupported');
      void message.success(t('employment.enrol.done', { name: n.fullName, support }));
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const courses = list.data?.items ?? [];
  const label = (o: { vi: string; en: string }) => (lang === 'en' ? o.en : o.vi);
  return (
    <>
      <EmploymentHead />
      {hasAbility(me, 'employment.serve') && (
        <Form<{ courseId: number; supplyId: number; group: string | null }>
          layout="inline"
          style={{ marginBottom: 12 }}
          onFinish={(v) => enrol.mutate({ ...v, group: v.group ?? null })}
        >
          <Form.Item name="courseId" rules={[{ required: true }]}>
            <Select
              style={{ width: 260 }}
              placeholder={t('employment.course.name')}
              options={courses.map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
          <Form.Item name="supplyId" rules={[{ required: true }]}>
            <InputNumber placeholder={t('employment.enrol.supplyId')} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="group">
            <Select
              allowClear
              style={{ width: 260 }}
              placeholder={t('employment.enrol.group')}
              options={SUPPORT_GROUPS.map((g) => ({ value: g.code, label: label(g) }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={enrol.isPending}>
            {t('employment.enrol')}
          </Button>
        </Form>
      )}
      {list.error && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      <Table
        rowKey="id"
        loading={list.isLoading}
        dataSource={courses}
        pagination={false}
        locale={{ emptyText: t('employment.none') }}
        columns={[
          { onCell: dataCell, title: t('employment.course.name'), dataIndex: 'name' },
          {
            title: t('employment.course.level'),
            dataIndex: 'level',
            render: (l: string) => label(TRAINING_LEVELS.find((x) => x.code === l) ?? { vi: l, en: l }),
          },
          {
            title: t('employment.course.dates'),
            render: (_: unknown, c) => `${formatDate(c.startDate)} – ${formatDate(c.endDate)}`,
          },
          { title: t('employment.course.enrolled'), dataIndex: 'enrolled', align: 'right' },
          { title: t('employment.course.completed'), dataIndex: 'completed', align: 'right' },
        ]}
      />
    </>
  );
}

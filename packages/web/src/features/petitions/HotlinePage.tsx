import { useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Form, Input, List, Row, Typography } from 'antd';
import type { HotlineCallBody } from '@ansinh/domain';
import { formatDateTime } from '../../kernel/format';
import { useT } from '../../kernel/i18n';
import { FormErrors, useFormWithErrors } from '../../components/FormErrors';
import { petitionsApi, pk } from './api';
import { PetitionsHead } from './shared';

type Values = Pick<HotlineCallBody, 'topic' | 'answer'> & {
  callerName?: string;
  callerPhone?: string;
  forwardedTo?: string;
};
const FIELDS = ['topic', 'answer', 'callerName', 'callerPhone', 'forwardedTo'] as const;

/**
 * The hotline quick form, usable while on the phone: the cursor starts in "question", Tab moves
 * through five fields, Ctrl+Enter saves from anywhere and the form clears for the next call.
 */
export default function HotlinePage() {
  const t = useT();
  const qc = useQueryClient();
  const nav = useNavigate();
  const { message } = App.useApp();
  const topicRef = useRef<React.ComponentRef<typeof Input.TextArea>>(null);
  const { form, errors, setErrors, showError } = useFormWithErrors<Values>(FIELDS);
  const recent = useQuery({ queryKey: pk.calls(1), queryFn: ({ signal }) => petitionsApi.calls(1, signal) });
  const save = useMutation({
    mutationFn: (v: Values) =>
      petitionsApi.logCall({ ...v, calledAt: new Date().toISOString(), answer: v.answer ?? '' }),
    onSuccess: async () => {
      setErrors([]);
      form.resetFields();
      void message.success(t('petitions.hotline.saved'));
      await qc.invalidateQueries({ queryKey: pk.all });
      topicRef.current?.focus();
    },
    onError: showError,
  });
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.submit();
    }
  };
  return (
    <>
      <PetitionsHead title={t('petitions.hotline.title')} />
      <Typography.Paragraph type="secondary">{t('petitions.hotline.hint')}</Typography.Paragraph>
      <Row gutter={24}>
        <Col xs={24} lg={14}>
          <FormErrors messages={errors} testId="hotline-errors" />
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) => save.mutate(v)}
            onKeyDown={onKey}
            data-testid="hotline-form"
          >
            <Form.Item
              name="topic"
              label={t('petitions.hotline.topic')}
              rules={[{ required: true, message: 'Nhập nội dung hỏi.' }]}
            >
              <Input.TextArea ref={topicRef} autoFocus rows={3} data-testid="hotline-topic" />
            </Form.Item>
            <Form.Item name="answer" label={t('petitions.hotline.answer')}>
              <Input.TextArea rows={3} data-testid="hotline-answer" />
            </Form.Item>
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item name="callerName" label={t('petitions.hotline.caller')}>
                  <Input data-testid="hotline-caller" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="callerPhone" label={t('petitions.hotline.phone')}>
                  <Input inputMode="tel" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="forwardedTo" label={t('petitions.hotline.forward')}>
                  <Input />
                </Form.Item>
              </Col>
            </Row>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="hotline-save">
              {t('common.save')} (Ctrl+Enter)
            </Button>
          </Form>
        </Col>
        <Col xs={24} lg={10}>
          <Typography.Title level={5}>{t('petitions.hotline.recent')}</Typography.Title>
          <List
            data-testid="hotline-recent"
            dataSource={recent.data?.items ?? []}
            renderItem={(c) => (
              <List.Item
                actions={[
                  c.letterId ? (
                    <Link key="l" to={`/petitions/letters/${c.letterId}`}>
                      {t('petitions.col.code')}
                    </Link>
                  ) : (
                    <Button
                      key="b"
                      size="small"
                      data-testid={`call-to-letter-${c.id}`}
                      onClick={() => void nav(`/petitions/letters/new?callId=${c.id}`)}
                    >
                      {t('petitions.hotline.toLetter')}
                    </Button>
                  ),
                ]}
              >
                <List.Item.Meta
                  title={<span translate="no">{c.topic}</span>}
                  description={
                    <>
                      {formatDateTime(c.calledAt)} <span translate="no">{c.callerName ?? ''}</span>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </Col>
      </Row>
    </>
  );
}

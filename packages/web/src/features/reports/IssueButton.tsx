import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, List, Modal, Typography } from 'antd';
import type { ReportOut } from '@ansinh/domain';
import { useErrorText } from '../../kernel/errors';
import { useT } from '../../kernel/i18n';
import { reportsApi, rk } from './api';

/**
 * Issuing a report (issue 18 item 3): the dialog lists what the report still lacks ("[chưa có số
 * liệu]" figures, targets, template notes) and asks to confirm issuing it so, or says the
 * Department does not allow it; a complete report is issued after a plain confirmation.
 */
export function IssueButton({ id, onIssued }: { id: number; onIssued: (r: ReportOut) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const missing = useQuery({
    queryKey: rk.missing(id),
    queryFn: ({ signal }) => reportsApi.missing(id, signal),
    enabled: open,
    staleTime: 0,
  });
  const items = missing.data?.items ?? [];
  const refuse = missing.data?.mode === 'refuse' && items.length > 0;
  const issue = useMutation({
    mutationFn: () => reportsApi.issue(id, items.length > 0),
    onSuccess: (r) => {
      setOpen(false);
      void message.success(t('reports.docs.issuedOk', { number: r.number ?? '' }));
      onIssued(r);
    },
    onError: (e) => void message.error(errorText(e)),
  });
  return (
    <>
      <Button type="primary" data-testid="report-issue" onClick={() => setOpen(true)}>
        {t('reports.docs.issue')}
      </Button>
      <Modal
        open={open}
        title={t('reports.issue.title')}
        onCancel={() => setOpen(false)}
        okText={items.length > 0 ? t('reports.issue.anyway') : t('reports.docs.issue')}
        okButtonProps={{
          ...({ 'data-testid': 'report-issue-confirm' } as Record<`data-${string}`, string>),
          disabled: !missing.data || refuse,
          danger: items.length > 0,
          loading: issue.isPending,
        }}
        onOk={() => issue.mutate()}
        destroyOnHidden
      >
        {missing.isError ? (
          <Alert type="error" showIcon title={errorText(missing.error)} />
        ) : !missing.data ? (
          <Typography.Paragraph>{t('reports.issue.checking')}</Typography.Paragraph>
        ) : items.length === 0 ? (
          <Typography.Paragraph>{t('reports.docs.issueConfirm')}</Typography.Paragraph>
        ) : (
          <div data-testid="report-missing">
            <Alert
              type={refuse ? 'error' : 'warning'}
              showIcon
              title={t(refuse ? 'reports.issue.refused' : 'reports.issue.missing', { n: items.length })}
              style={{ marginBottom: 12 }}
            />
            <List
              size="small"
              style={{ maxHeight: 320, overflow: 'auto' }}
              dataSource={items}
              renderItem={(m) => (
                <List.Item>
                  <span>
                    <Typography.Text type="secondary">{m.section}</Typography.Text> — {m.text}
                  </span>
                </List.Item>
              )}
            />
            {!refuse && (
              <Typography.Paragraph style={{ marginTop: 12 }}>{t('reports.docs.issueConfirm')}</Typography.Paragraph>
            )}
          </div>
        )}
      </Modal>
    </>
  );
}

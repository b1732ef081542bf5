import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Space, Tag, Typography } from 'antd';
import type { InboxItem, InboxKind, InboxOut } from '@ansinh/domain';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../kernel/format';
import { useT } from '../../kernel/i18n';
import type { MessageKey } from '../../kernel/i18n';
import { inboxLink, useInbox } from './api';

const kindKey = (k: InboxKind) => `home.inbox.kind.${k}` as MessageKey;
/** Kinds whose item says who acts, because the reader is not the one who acts. */
const WHO_ACTS: Partial<Record<InboxKind, MessageKey>> = { list_sign: 'home.inbox.whoActs.list_sign' };

function InboxRow({ item }: { item: InboxItem }) {
  const t = useT();
  const failed = item.kind === 'import_done' && item.state === 'failed';
  const who = WHO_ACTS[item.kind];
  return (
    <li className="inbox-item" data-testid="inbox-item" data-kind={item.kind} data-overdue={item.overdue || undefined}>
      <div className="inbox-item-kind">{t(kindKey(item.kind))}</div>
      <div className="inbox-item-main">
        <Link to={inboxLink(item)} className="inbox-item-title" translate="no">
          {item.title}
        </Link>
        {item.overdue && (
          <Tag color="red" style={{ marginInlineStart: 8 }}>
            {t('home.inbox.overdue')}
          </Tag>
        )}
        {failed && (
          <Tag color="red" style={{ marginInlineStart: 8 }}>
            {t('home.inbox.failed')}
          </Tag>
        )}
      </div>
      {item.detail && (
        <div className="inbox-item-detail" translate={item.kind === 'import_done' ? undefined : 'no'}>
          {item.kind === 'import_done' ? t('home.inbox.rows', { detail: item.detail }) : item.detail}
        </div>
      )}
      <div className="inbox-item-meta">
        {item.areaName && (
          <>
            <span translate="no">{item.areaName}</span>
            {' · '}
          </>
        )}
        {[
          t('home.inbox.since', { date: formatDate(item.since) }),
          item.due ? t('home.inbox.due', { date: formatDate(item.due) }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </div>
      {who && (
        <div className="inbox-item-who" data-testid="inbox-who-acts">
          {t(who)}
        </div>
      )}
    </li>
  );
}

function InboxBody({ data }: { data: InboxOut }) {
  const t = useT();
  const [kind, setKind] = useState<InboxKind | null>(null);
  const shown = kind ? data.items.filter((i) => i.kind === kind) : data.items;
  const total = data.counts.reduce((n, c) => n + c.count, 0);
  const chosen = kind ? data.counts.find((c) => c.kind === kind) : undefined;
  return (
    <>
      <Space wrap size={[8, 8]} style={{ marginBottom: 12 }} role="group" aria-label={t('home.inbox.title')}>
        <Button
          size="small"
          type={kind === null ? 'primary' : 'default'}
          aria-pressed={kind === null}
          onClick={() => setKind(null)}
          data-testid="inbox-count-all"
        >
          {t('home.inbox.all')} ({total})
        </Button>
        {data.counts
          .filter((c) => c.count > 0)
          .map((c) => (
            <Button
              key={c.kind}
              size="small"
              type={kind === c.kind ? 'primary' : 'default'}
              danger={c.overdue > 0 && c.kind !== 'import_done'}
              aria-pressed={kind === c.kind}
              onClick={() => setKind(c.kind)}
              data-testid={`inbox-count-${c.kind}`}
            >
              {t(kindKey(c.kind))} ({c.count})
            </Button>
          ))}
      </Space>
      <ol className="inbox-list">
        {shown.map((i) => (
          <InboxRow key={`${i.kind}-${i.id}`} item={i} />
        ))}
      </ol>
      {chosen && chosen.count > shown.length && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('home.inbox.more', { shown: shown.length, count: chosen.count })}
        </Typography.Paragraph>
      )}
    </>
  );
}

/** The person's work inbox: what waits across modules, overdue and oldest first, each opening where it is done. */
export function Inbox() {
  const t = useT();
  const q = useInbox();
  return (
    <Card title={<h2 className="inbox-title">{t('home.inbox.title')}</h2>} data-testid="inbox">
      <QueryState
        query={q}
        testId="inbox"
        isEmpty={(d) => d.items.length === 0}
        empty={q.data?.counts.length === 0 ? t('home.inbox.nothingForRole') : t('home.inbox.empty')}
      >
        {(data) => <InboxBody data={data} />}
      </QueryState>
    </Card>
  );
}

import { useCallback, useMemo, useState } from 'react';
import type { Key } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Card, Col, Descriptions, Empty, Row, Spin, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { AREA_TYPE_LABELS } from '@ansinh/domain';
import type { AreaOut } from '@ansinh/domain';
import { areasApi, areasKeys } from './api';
import { useErrorText } from '../../kernel/errors';
import { formatDate } from '../../kernel/format';
import { pick, useLang, useT } from '../../kernel/i18n';
import type { MessageKey } from '../../kernel/i18n';
import { LoadError } from '../../components/LoadError';
import { PageHead } from '../../components/PageHead';

interface AreaNode extends TreeDataNode {
  key: string;
  area: AreaOut;
  children?: AreaNode[];
}

function AreaTitle({ area }: { area: AreaOut }) {
  const t = useT();
  const { lang } = useLang();
  return (
    <span className="area-title" data-testid={`area-node-${area.code}`}>
      <span>{area.name}</span>
      <Tag style={{ marginInlineEnd: 0 }}>{pick(AREA_TYPE_LABELS[area.type], lang)}</Tag>
      {area.childCount > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('areas.subUnits', { count: area.childCount })}
        </Typography.Text>
      )}
    </span>
  );
}

function AreaDetails({
  code,
  fallback,
  onSelect,
}: {
  code: string;
  fallback: AreaOut | undefined;
  onSelect: (code: string) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const errorText = useErrorText();
  const one = useQuery({
    queryKey: areasKeys.one(code),
    queryFn: ({ signal }) => areasApi.get(code, signal),
    placeholderData: fallback,
  });
  if (one.error && !one.data) return <Alert type="error" showIcon title={errorText(one.error)} />;
  const a = one.data;
  if (!a) return <Spin />;

  const crumbs = a.path.some((p) => p.code === a.code) ? a.path : [...a.path, { code: a.code, name: a.name }];
  return (
    <div data-testid="area-details">
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={crumbs.map((p) => ({
          key: p.code,
          title:
            p.code === a.code ? (
              p.name
            ) : (
              <a
                href={`?code=${encodeURIComponent(p.code)}`}
                onClick={(e) => {
                  e.preventDefault();
                  onSelect(p.code);
                }}
              >
                {p.name}
              </a>
            ),
        }))}
      />
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          { key: 'name', label: t('areas.name'), children: a.name },
          { key: 'code', label: t('areas.code'), children: <Typography.Text copyable>{a.code}</Typography.Text> },
          { key: 'type', label: t('areas.type'), children: pick(AREA_TYPE_LABELS[a.type], lang) },
          { key: 'level', label: t('areas.level'), children: t(`areas.level.${a.level}` as MessageKey) },
          { key: 'from', label: t('areas.validFrom'), children: formatDate(a.validFrom) },
          {
            key: 'to',
            label: t('areas.validTo'),
            children: a.validTo ? formatDate(a.validTo) : <Tag color="green">{t('areas.stillValid')}</Tag>,
          },
          {
            key: 'path',
            label: t('areas.path'),
            children:
              a.path
                .filter((p) => p.code !== a.code)
                .map((p) => p.name)
                .join(' › ') || t('common.none'),
          },
          { key: 'children', label: t('areas.childCount'), children: a.childCount },
        ]}
      />
    </div>
  );
}

export default function AreasPage() {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const selected = params.get('code');

  const roots = useQuery({ queryKey: areasKeys.roots, queryFn: ({ signal }) => areasApi.roots(signal) });
  const [children, setChildren] = useState<Record<string, AreaOut[]>>({});
  const [expanded, setExpanded] = useState<Key[]>([]);

  const byCode = useMemo(() => {
    const m = new Map<string, AreaOut>();
    for (const a of roots.data?.items ?? []) m.set(a.code, a);
    for (const list of Object.values(children)) for (const a of list) m.set(a.code, a);
    return m;
  }, [roots.data, children]);

  const treeData = useMemo(() => {
    const build = (a: AreaOut): AreaNode => {
      const kids = children[a.code];
      return {
        key: a.code,
        area: a,
        title: <AreaTitle area={a} />,
        isLeaf: a.childCount === 0,
        ...(kids ? { children: kids.map(build) } : {}),
      };
    };
    return (roots.data?.items ?? []).map(build);
  }, [roots.data, children]);

  const loadedKeys = useMemo(() => Object.keys(children), [children]);

  const loadData = useCallback(
    async (node: AreaNode) => {
      const code = node.area.code;
      try {
        const res = await qc.fetchQuery({
          queryKey: areasKeys.children(code),
          queryFn: ({ signal }) => areasApi.children(code, signal),
          staleTime: 60_000,
        });
        setChildren((prev) => ({ ...prev, [code]: res.items }));
      } catch (e) {
        // Leave the node unloaded and collapsed, so the user can try again.
        setExpanded((prev) => prev.filter((k) => k !== code));
        void message.error(t('areas.loadFailed', { name: node.area.name, message: errorText(e) }));
      }
    },
    [qc, message, t, errorText],
  );

  const select = (code: string | undefined) => {
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        if (code) p.set('code', code);
        else p.delete('code');
        return p;
      },
      { replace: true },
    );
  };

  return (
    <div>
      <PageHead title={t('areas.title')} intro={t('areas.intro')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12} xl={10}>
          <Card title={t('areas.tree')} size="small">
            {roots.error ? (
              // Alone in its card: no gap below it.
              <LoadError error={roots.error} onRetry={() => void roots.refetch()} style={{}} />
            ) : roots.isPending ? (
              <Spin />
            ) : treeData.length === 0 ? (
              <Empty description={t('areas.empty')} />
            ) : (
              <div data-testid="area-tree" style={{ overflowX: 'auto' }} translate="no">
                <Tree<AreaNode>
                  treeData={treeData}
                  loadData={loadData}
                  loadedKeys={loadedKeys}
                  expandedKeys={expanded}
                  onExpand={(keys) => setExpanded(keys)}
                  selectedKeys={selected ? [selected] : []}
                  onSelect={(_keys, info) => select(info.selected ? info.node.area.code : undefined)}
                  blockNode
                  showLine
                />
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} md={12} xl={14}>
          <Card title={t('areas.details')} size="small">
            {selected ? (
              <AreaDetails key={selected} code={selected} fallback={byCode.get(selected)} onSelect={select} />
            ) : (
              <Typography.Text type="secondary">{t('areas.selectHint')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}

import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Input, Row, Select, Space, Typography } from 'antd';
import type { ReportBlock, ReportBody, ReportSection, TemplateOut, TemplatePeriod } from '@ansinh/domain';
import { ApiError } from '../../kernel/http';
import { useErrorText } from '../../kernel/errors';
import { useT } from '../../kernel/i18n';
import { DetailFallback } from '../../components/DetailFallback';
import { reportsApi, rk } from './api';
import { ReportsHead } from './shared';
import { useCanEditTemplates } from './TemplatesPage';
import { TemplatePreview } from './TemplatePreview';

interface Draft {
  code: string;
  nameVi: string;
  nameEn: string;
  period: TemplatePeriod;
  titlePattern: string;
  body: ReportBody;
}

const BLANK: Draft = {
  code: '',
  nameVi: '',
  nameEn: '',
  period: 'year',
  titlePattern: 'Báo cáo ... năm {year}',
  body: {
    docTitle: 'BÁO CÁO',
    summary: '',
    addressee: 'Kính gửi: ',
    recipients: ['Như trên'],
    signer: null,
    sections: [{ id: 's1', number: 'I.', title: '', level: 1, blocks: [{ type: 'text', id: 's1.p1', text: '' }] }],
  },
};

/** An id no section or block of the body has yet: "s3", "s3.p2". */
function freshId(body: ReportBody, prefix: string): string {
  const used = new Set(body.sections.flatMap((s) => [s.id, ...s.blocks.map((b) => b.id)]));
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

/** The template editor: names, header and closing, sections and their blocks; each save is a new version. */
export function TemplateEditorPage() {
  const code = useParams().code ?? 'new';
  const isNew = code === 'new';
  const q = useQuery({
    queryKey: rk.template(code),
    queryFn: ({ signal }) => reportsApi.template(code, signal),
    enabled: !isNew,
  });
  if (isNew) return <Editor initial={BLANK} isNew />;
  if (!q.data) return <DetailFallback valid query={q} />;
  return (
    <Editor key={`${q.data.code}-${q.data.version}`} initial={toDraft(q.data)} version={q.data.version} isNew={false} />
  );
}

const toDraft = (t: TemplateOut): Draft => ({
  code: t.code,
  nameVi: t.nameVi,
  nameEn: t.nameEn,
  period: t.period,
  titlePattern: t.titlePattern ?? t.nameVi,
  body: { ...t.body, signer: t.body.signer ?? null },
});

function Editor({ initial, isNew, version }: { initial: Draft; isNew: boolean; version?: number | undefined }) {
  const t = useT();
  const canEdit = useCanEditTemplates();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [d, setD] = useState<Draft>(initial);
  const [problems, setProblems] = useState<string[]>([]);
  const [preview, setPreview] = useState(false);
  useEffect(() => setD(initial), [initial]);
  const body = d.body;
  const setBody = (b: Partial<ReportBody>) => setD((x) => ({ ...x, body: { ...x.body, ...b } }));
  const setSection = (i: number, s: Partial<ReportSection>) =>
    setBody({ sections: body.sections.map((x, k) => (k === i ? { ...x, ...s } : x)) });
  const setBlock = (i: number, j: number, b: ReportBlock) =>
    setSection(i, { blocks: body.sections[i]!.blocks.map((x, k) => (k === j ? b : x)) });
  const move = <T,>(list: T[], from: number, to: number): T[] => {
    if (to < 0 || to >= list.length) return list;
    const out = [...list];
    const [x] = out.splice(from, 1);
    out.splice(to, 0, x!);
    return out;
  };
  const save = useMutation({
    mutationFn: () => {
      const payload = { nameVi: d.nameVi, nameEn: d.nameEn, period: d.period, titlePattern: d.titlePattern, body };
      return isNew ? reportsApi.createTemplate({ ...payload, code: d.code }) : reportsApi.saveTemplate(d.code, payload);
    },
    onSuccess: async (r) => {
      setProblems([]);
      void message.success(t('reports.tpl.saved', { version: String(r.version ?? 1) }));
      await qc.invalidateQueries({ queryKey: rk.templates });
      if (isNew) void navigate(`/reports/templates/${r.code}`);
    },
    onError: (e) =>
      setProblems([
        errorText(e),
        ...(e instanceof ApiError
          ? e.details.map((x) => `${x.path.replace(/^body\.(body\.)?/, '')}: ${x.message}`)
          : []),
      ]),
  });
  const ro = !canEdit;
  return (
    <div data-testid="template-editor">
      <ReportsHead
        title={isNew ? t('reports.tpl.new') : d.nameVi}
        intro={
          <>
            <Link to="/reports/templates">← {t('reports.tpl.title')}</Link>
            {version !== undefined && (
              <span data-testid="tpl-version"> · {t('reports.tpl.versionN', { version: String(version) })}</span>
            )}
          </>
        }
        extra={
          <Space wrap>
            <Button data-testid="tpl-preview" onClick={() => setPreview((p) => !p)}>
              {t(preview ? 'reports.tpl.hidePreview' : 'reports.tpl.preview')}
            </Button>
            {canEdit && (
              <Button type="primary" data-testid="tpl-save" loading={save.isPending} onClick={() => save.mutate()}>
                {t(isNew ? 'reports.tpl.create' : 'reports.tpl.saveVersion')}
              </Button>
            )}
          </Space>
        }
      />
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="tpl-errors"
          style={{ marginBottom: 16 }}
          title={problems[0]}
          description={
            problems.length > 1 && (
              <ul>
                {problems.slice(1).map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )
          }
        />
      )}
      <Typography.Paragraph type="secondary">{t('reports.tpl.placeholdersHelp')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} lg={preview ? 12 : 24}>
          <Card title={t('reports.tpl.general')} size="small" style={{ marginBottom: 12 }}>
            <Field label={t('reports.tpl.col.code')} help={isNew ? t('reports.tpl.codeHelp') : undefined}>
              <Input
                data-testid="tpl-code"
                value={d.code}
                disabled={!isNew || ro}
                onChange={(e) => setD({ ...d, code: e.target.value })}
              />
            </Field>
            <Field label={t('reports.tpl.nameVi')}>
              <Input
                data-testid="tpl-nameVi"
                value={d.nameVi}
                disabled={ro}
                onChange={(e) => setD({ ...d, nameVi: e.target.value })}
              />
            </Field>
            <Field label={t('reports.tpl.nameEn')}>
              <Input
                data-testid="tpl-nameEn"
                value={d.nameEn}
                disabled={ro}
                onChange={(e) => setD({ ...d, nameEn: e.target.value })}
              />
            </Field>
            <Field label={t('reports.tpl.period')}>
              <Select<TemplatePeriod>
                data-testid="tpl-period"
                value={d.period}
                disabled={ro}
                onChange={(v) => setD({ ...d, period: v })}
                options={(['year', 'half', 'quarter'] as const).map((p) => ({
                  value: p,
                  label: t(`reports.tpl.period.${p}`),
                }))}
              />
            </Field>
            <Field label={t('reports.tpl.titlePattern')}>
              <Input
                data-testid="tpl-titlePattern"
                value={d.titlePattern}
                disabled={ro}
                onChange={(e) => setD({ ...d, titlePattern: e.target.value })}
              />
            </Field>
          </Card>
          <Card title={t('reports.tpl.header')} size="small" style={{ marginBottom: 12 }}>
            <HeaderFields value={body} onChange={setBody} disabled={ro} prefix="tpl" />
          </Card>
          {body.sections.map((s, i) => (
            <Card
              key={s.id}
              size="small"
              style={{ marginBottom: 12 }}
              data-testid={`sec-${i}`}
              title={
                <Space wrap>
                  <Input
                    aria-label={t('reports.tpl.secNumber')}
                    data-testid={`sec-${i}-number`}
                    style={{ width: 70 }}
                    value={s.number}
                    disabled={ro}
                    onChange={(e) => setSection(i, { number: e.target.value })}
                  />
                  <Input
                    aria-label={t('reports.tpl.secTitle')}
                    placeholder={t('reports.tpl.secTitle')}
                    data-testid={`sec-${i}-title`}
                    style={{ width: 360 }}
                    value={s.title}
                    disabled={ro}
                    onChange={(e) => setSection(i, { title: e.target.value })}
                  />
                  <Select
                    aria-label={t('reports.tpl.secLevel')}
                    data-testid={`sec-${i}-level`}
                    value={s.level}
                    disabled={ro}
                    style={{ width: 110 }}
                    onChange={(v) => setSection(i, { level: v })}
                    options={[1, 2, 3].map((l) => ({ value: l, label: t('reports.tpl.level', { level: String(l) }) }))}
                  />
                </Space>
              }
              extra={
                !ro && (
                  <Space>
                    <Button
                      size="small"
                      data-testid={`sec-${i}-up`}
                      aria-label={t('reports.tpl.up')}
                      onClick={() => setBody({ sections: move(body.sections, i, i - 1) })}
                    >
                      ↑
                    </Button>
                    <Button
                      size="small"
                      data-testid={`sec-${i}-down`}
                      aria-label={t('reports.tpl.down')}
                      onClick={() => setBody({ sections: move(body.sections, i, i + 1) })}
                    >
                      ↓
                    </Button>
                    <Button
                      size="small"
                      danger
                      data-testid={`sec-${i}-delete`}
                      onClick={() => setBody({ sections: body.sections.filter((_, k) => k !== i) })}
                    >
                      {t('reports.tpl.delete')}
                    </Button>
                  </Space>
                )
              }
            >
              {s.blocks.map((b, j) => (
                <BlockEditor
                  key={b.id}
                  b={b}
                  testId={`blk-${i}-${j}`}
                  disabled={ro}
                  onChange={(nb) => setBlock(i, j, nb)}
                  onDelete={() => setSection(i, { blocks: s.blocks.filter((_, k) => k !== j) })}
                  onMove={(to) => setSection(i, { blocks: move(s.blocks, j, to) })}
                  index={j}
                />
              ))}
              {!ro && (
                <Space wrap>
                  <Button
                    size="small"
                    data-testid={`sec-${i}-add-text`}
                    onClick={() =>
                      setSection(i, {
                        blocks: [...s.blocks, { type: 'text', id: freshId(body, `${s.id}.p`), text: '' }],
                      })
                    }
                  >
                    + {t('reports.tpl.addText')}
                  </Button>
                  <Button
                    size="small"
                    data-testid={`sec-${i}-add-when`}
                    onClick={() =>
                      setSection(i, {
                        blocks: [
                          ...s.blocks,
                          { type: 'when_zero', id: freshId(body, `${s.id}.c`), figure: '', zero: '', otherwise: '' },
                        ],
                      })
                    }
                  >
                    + {t('reports.tpl.addWhen')}
                  </Button>
                  <Button
                    size="small"
                    data-testid={`sec-${i}-add-table`}
                    onClick={() =>
                      setSection(i, {
                        blocks: [...s.blocks, { type: 'table', id: freshId(body, `${s.id}.t`), caption: '', rows: [] }],
                      })
                    }
                  >
                    + {t('reports.tpl.addTable')}
                  </Button>
                </Space>
              )}
            </Card>
          ))}
          {!ro && (
            <Button
              data-testid="tpl-add-section"
              onClick={() => {
                const id = freshId(body, 's');
                setBody({
                  sections: [
                    ...body.sections,
                    { id, number: '', title: '', level: 1, blocks: [{ type: 'text', id: `${id}.p1`, text: '' }] },
                  ],
                });
              }}
            >
              + {t('reports.tpl.addSection')}
            </Button>
          )}
        </Col>
        {preview && (
          <Col xs={24} lg={12}>
            <TemplatePreview body={body} />
          </Col>
        )}
      </Row>
    </div>
  );
}

function Field({ label, help, children }: { label: string; help?: string | undefined; children: React.ReactNode }) {
  return (
    <label style={{ display: 'block', marginBottom: 8 }}>
      <div style={{ fontWeight: 500 }}>{label}</div>
      {children}
      {help && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {help}
        </Typography.Text>
      )}
    </label>
  );
}

/** Summary line, "Kính gửi", "Nơi nhận" and signer: the template's, or a report's own. */
export function HeaderFields({
  value,
  onChange,
  disabled,
  prefix,
}: {
  value: Pick<ReportBody, 'summary' | 'addressee' | 'recipients' | 'signer'> & { docTitle?: string };
  onChange: (v: Partial<ReportBody>) => void;
  disabled: boolean;
  prefix: string;
}) {
  const t = useT();
  const signer = value.signer ?? null;
  const [recipients, setRecipients] = useState(value.recipients.join('\n'));
  const setSigner = (k: 'authority' | 'title' | 'name', v: string) => {
    const next = { authority: '', title: '', name: '', ...(signer ?? {}), [k]: v };
    onChange({ signer: next.title || next.name || next.authority ? next : null });
  };
  return (
    <>
      {value.docTitle !== undefined && (
        <Field label={t('reports.tpl.docTitle')}>
          <Input
            data-testid={`${prefix}-docTitle`}
            value={value.docTitle}
            disabled={disabled}
            onChange={(e) => onChange({ docTitle: e.target.value })}
          />
        </Field>
      )}
      <Field label={t('reports.tpl.summary')}>
        <Input
          data-testid={`${prefix}-summary`}
          value={value.summary}
          disabled={disabled}
          onChange={(e) => onChange({ summary: e.target.value })}
        />
      </Field>
      <Field label={t('reports.tpl.addressee')}>
        <Input
          data-testid={`${prefix}-addressee`}
          value={value.addressee ?? ''}
          disabled={disabled}
          onChange={(e) => onChange({ addressee: e.target.value || null })}
        />
      </Field>
      <Field label={t('reports.tpl.recipients')} help={t('reports.tpl.recipientsHelp')}>
        <Input.TextArea
          translate="no"
          data-testid={`${prefix}-recipients`}
          autoSize={{ minRows: 2 }}
          value={recipients}
          disabled={disabled}
          onChange={(e) => {
            setRecipients(e.target.value);
            onChange({
              recipients: e.target.value
                .split('\n')
                .map((x) => x.trim())
                .filter(Boolean),
            });
          }}
        />
      </Field>
      <Field label={t('reports.tpl.signer')} help={t('reports.tpl.signerHelp')}>
        <Space wrap>
          <Input
            placeholder={t('reports.settings.signerAuthority')}
            aria-label={t('reports.settings.signerAuthority')}
            data-testid={`${prefix}-signer-authority`}
            value={signer?.authority ?? ''}
            disabled={disabled}
            onChange={(e) => setSigner('authority', e.target.value)}
          />
          <Input
            placeholder={t('reports.settings.signerTitle')}
            aria-label={t('reports.settings.signerTitle')}
            data-testid={`${prefix}-signer-title`}
            value={signer?.title ?? ''}
            disabled={disabled}
            onChange={(e) => setSigner('title', e.target.value)}
          />
          <Input
            placeholder={t('reports.settings.signerName')}
            aria-label={t('reports.settings.signerName')}
            data-testid={`${prefix}-signer-name`}
            value={signer?.name ?? ''}
            disabled={disabled}
            onChange={(e) => setSigner('name', e.target.value)}
          />
        </Space>
      </Field>
    </>
  );
}

function BlockEditor({
  b,
  testId,
  disabled,
  onChange,
  onDelete,
  onMove,
  index,
}: {
  b: ReportBlock;
  testId: string;
  disabled: boolean;
  onChange: (b: ReportBlock) => void;
  onDelete: () => void;
  onMove: (to: number) => void;
  index: number;
}) {
  const t = useT();
  const [rows, setRows] = useState(b.type === 'table' ? b.rows.map((r) => `${r.label} | ${r.figure}`).join('\n') : '');
  const tools = !disabled && (
    <Space size={4}>
      <Button size="small" type="text" aria-label={t('reports.tpl.up')} onClick={() => onMove(index - 1)}>
        ↑
      </Button>
      <Button size="small" type="text" aria-label={t('reports.tpl.down')} onClick={() => onMove(index + 1)}>
        ↓
      </Button>
      <Button size="small" type="text" danger data-testid={`${testId}-delete`} onClick={onDelete}>
        {t('reports.tpl.delete')}
      </Button>
    </Space>
  );
  return (
    <div style={{ borderLeft: '3px solid #e6e6e6', paddingLeft: 8, marginBottom: 10 }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`reports.tpl.block.${b.type}`)} · {b.id}
        </Typography.Text>
        {tools}
      </Space>
      {b.type === 'text' && (
        <Input.TextArea
          translate="no"
          aria-label={t('reports.tpl.block.text')}
          data-testid={`${testId}-text`}
          autoSize={{ minRows: 2, maxRows: 12 }}
          value={b.text}
          disabled={disabled}
          onChange={(e) => onChange({ ...b, text: e.target.value })}
        />
      )}
      {b.type === 'when_zero' && (
        <>
          <Input
            addonBefore={t('reports.tpl.whenFigure')}
            data-testid={`${testId}-figure`}
            value={b.figure}
            disabled={disabled}
            onChange={(e) => onChange({ ...b, figure: e.target.value })}
          />
          <Input.TextArea
            translate="no"
            aria-label={t('reports.tpl.whenZero')}
            placeholder={t('reports.tpl.whenZero')}
            data-testid={`${testId}-zero`}
            autoSize
            value={b.zero}
            disabled={disabled}
            onChange={(e) => onChange({ ...b, zero: e.target.value })}
          />
          <Input.TextArea
            translate="no"
            aria-label={t('reports.tpl.whenOtherwise')}
            placeholder={t('reports.tpl.whenOtherwise')}
            data-testid={`${testId}-otherwise`}
            autoSize
            value={b.otherwise}
            disabled={disabled}
            onChange={(e) => onChange({ ...b, otherwise: e.target.value })}
          />
        </>
      )}
      {b.type === 'table' && (
        <>
          <Input
            addonBefore={t('reports.tpl.caption')}
            data-testid={`${testId}-caption`}
            value={b.caption}
            disabled={disabled}
            onChange={(e) => onChange({ ...b, caption: e.target.value })}
          />
          <Input.TextArea
            translate="no"
            aria-label={t('reports.tpl.rows')}
            placeholder={t('reports.tpl.rowsHelp')}
            data-testid={`${testId}-rows`}
            autoSize={{ minRows: 2 }}
            value={rows}
            disabled={disabled}
            onChange={(e) => {
              setRows(e.target.value);
              onChange({
                ...b,
                rows: e.target.value
                  .split('\n')
                  .map((l) => l.split('|').map((x) => x.trim()))
                  .filter((p) => p[0])
                  .map(([label, figure]) => ({ label: label!, figure: figure ?? '' })),
              });
            }}
          />
        </>
      )}
    </div>
  );
}

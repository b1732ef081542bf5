import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Progress, Steps, Typography } from 'antd';
import type { ImportCounts, ImportJobOut } from '@ansinh/domain';
import { registryApi, registryKeys, registryUrls } from './api';
import type { ImportMode } from './api';
import { useErrorText } from '../../kernel/errors';
import { formatNumber, TN, useLang, useT } from '../../kernel/i18n';
import type { MessageKey } from '../../kernel/i18n';
import { LinkButton } from '../../components/buttons';
import { RegistryHead } from './shared';

/**
 * The chosen file, read into memory once: the dry run and the commit then send exactly the same
 * bytes, even if the officer edits the file on disk in between.
 */
interface Chosen {
  key: number;
  name: string;
  size: number;
  data: Blob;
}

interface Run {
  jobId: number;
  mode: ImportMode;
  fileKey: number;
}

const COUNTS: { key: keyof ImportCounts; label: MessageKey; help: MessageKey; testId?: string }[] = [
  { key: 'total', label: 'import.count.total', help: 'import.countHelp.total' },
  { key: 'new', label: 'import.count.new', help: 'import.countHelp.new', testId: 'import-count-new' },
  { key: 'updated', label: 'import.count.updated', help: 'import.countHelp.updated' },
  { key: 'unchanged', label: 'import.count.unchanged', help: 'import.countHelp.unchanged' },
  {
    key: 'rejected',
    label: 'import.count.rejected',
    help: 'import.countHelp.rejected',
    testId: 'import-count-rejected',
  },
  { key: 'possibleDuplicates', label: 'import.count.duplicates', help: 'import.countHelp.duplicates' },
];

function fileSize(bytes: number, lang: 'vi' | 'en'): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(lang, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Polls an import job every half second while it runs. */
function useJob(run: Run | null) {
  return useQuery({
    queryKey: registryKeys.importJob(run?.jobId ?? 0),
    queryFn: ({ signal }) => registryApi.importJob(run!.jobId, signal),
    enabled: !!run,
    refetchInterval: (q) => (q.state.data?.state === 'running' ? 500 : false),
    staleTime: 0,
    gcTime: 60_000,
  });
}

function Section({ n, title, text, children }: { n: number; title: string; text: ReactNode; children: ReactNode }) {
  return (
    <Card className="import-step" title={`${n}. ${title}`} size="small">
      <Typography.Paragraph className="import-step-text">{text}</Typography.Paragraph>
      {children}
    </Card>
  );
}

function JobProgress({ job, labelKey }: { job: ImportJobOut; labelKey: MessageKey }) {
  const t = useT();
  const { done, total } = job.progress;
  const percent = total > 0 ? Math.min(99, Math.floor((done / total) * 100)) : 0;
  return (
    <div data-testid="import-progress" role="status" aria-live="polite" style={{ maxWidth: 480 }}>
      <Progress percent={percent} status="active" />
      <Typography.Text type="secondary">{t(labelKey, { done, total })}</Typography.Text>
    </div>
  );
}

function Counts({ counts }: { counts: ImportCounts }) {
  const t = useT();
  const { lang } = useLang();
  return (
    <dl data-testid="import-counts" className="import-counts">
      {COUNTS.map((c) => (
        <div
          key={c.key}
          className={`import-count import-count-${c.key}${c.key === 'rejected' && counts.rejected > 0 ? ' is-bad' : ''}`}
        >
          <dt>{t(c.label)}</dt>
          <dd>
            <span className="import-count-value" data-testid={c.testId}>
              {formatNumber(lang, counts[c.key])}
            </span>
            <span className="import-count-help">{t(c.help)}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export default function ImportPage() {
  const t = useT();
  const { lang } = useLang();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const inputRef = useRef<HTMLInputElement>(null);
  const keyRef = useRef(0);
  const [file, setFile] = useState<Chosen | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [check, setCheck] = useState<Run | null>(null);
  const [commit, setCommit] = useState<Run | null>(null);

  const checkJob = useJob(check);
  const commitJob = useJob(commit);

  const start = useMutation({
    mutationFn: async ({ mode, chosen }: { mode: ImportMode; chosen: Chosen }) => ({
      job: await registryApi.startImport(chosen.data, chosen.name, mode),
      mode,
      fileKey: chosen.key,
    }),
    onSuccess: ({ job, mode, fileKey }) => {
      qc.setQueryData(registryKeys.importJob(job.id), job);
      const run = { jobId: job.id, mode, fileKey };
      if (mode === 'dry_run') {
        setCheck(run);
        setCommit(null);
      } else {
        setCommit(run);
      }
    },
  });

  const onChoose = async (list: FileList | null) => {
    const f = list?.[0];
    // Let the same file be chosen again after it was fixed in Excel.
    if (inputRef.current) inputRef.current.value = '';
    if (!f) return;
    setReadError(null);
    try {
      const data = new Blob([await f.arrayBuffer()], { type: f.type || 'application/octet-stream' });
      keyRef.current += 1;
      setFile({ key: keyRef.current, name: f.name, size: f.size, data });
      setCheck(null);
      setCommit(null);
      start.reset();
    } catch {
      setReadError(t('import.readFailed', { name: f.name }));
    }
  };

  const checked = check && file && check.fileKey === file.key ? checkJob.data : undefined;
  const checking = (start.isPending && start.variables?.mode === 'dry_run') || checked?.state === 'running';
  const checkDone = checked?.state === 'done' && checked.mode === 'dry_run' ? checked : undefined;
  const checkFailed = checked?.state === 'failed' ? checked : undefined;
  const committed = commit && file && commit.fileKey === file.key ? commitJob.data : undefined;
  const committing = !!commit && committed?.state === 'running';
  const commitFinished = committed && committed.state !== 'running' ? committed : undefined;
  const canCommit = !!checkDone?.counts && checkDone.counts.rejected === 0 && !commit && !start.isPending;

  // Once written, every list and page of the registry may show something new.
  const committedId = commitFinished?.state === 'done' ? commitFinished.id : null;
  useEffect(() => {
    if (committedId !== null) void qc.invalidateQueries({ queryKey: registryKeys.all });
  }, [committedId, qc]);

  const rejectedRows = checkDone?.counts?.rejected ?? 0;
  // Index of the current step (0-based); 4 marks all four done.
  const step = !file
    ? 1
    : !checkDone || rejectedRows > 0
      ? 2
      : !commitFinished
        ? 3
        : commitFinished.state === 'done'
          ? 4
          : 3;
  const stepStatus = checkFailed || rejectedRows > 0 || commitFinished?.state === 'failed' ? 'error' : 'process';
  const busy = start.isPending || checking || committing;

  const commitBlockedReason = !file
    ? t('import.commitBlocked.noFile')
    : !checkDone
      ? t('import.commitBlocked.noCheck')
      : checkDone.counts && checkDone.counts.rejected > 0
        ? t('import.commitBlocked.rejected')
        : null;

  return (
    <div>
      <RegistryHead title={t('import.title')} intro={t('import.intro')} />

      <Steps
        className="import-steps no-print"
        size="small"
        current={step}
        status={stepStatus}
        items={[
          { title: t('import.step1') },
          { title: t('import.step2') },
          { title: t('import.step3') },
          { title: t('import.step4') },
        ]}
      />

      <div className="registry-cards">
        <Section
          n={1}
          title={t('import.step1')}
          text={
            <TN
              k="import.step1Text"
              p={{ code: <span lang="vi">Mã hộ</span>, sheet: <span lang="vi">Hướng dẫn</span> }}
            />
          }
        >
          <Button data-testid="import-template" href={registryUrls.importTemplate()} download="mau-nhap-nhan-khau.xlsx">
            {t('import.template')}
          </Button>
        </Section>

        <Section n={2} title={t('import.step2')} text={t('import.step2Text')}>
          <input
            ref={inputRef}
            id="import-file"
            data-testid="import-file"
            className="visually-hidden"
            type="file"
            aria-label={t('import.step2')}
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={(e) => void onChoose(e.target.files)}
          />
          <div className="import-file-row">
            <Button type={file ? 'default' : 'primary'} disabled={busy} onClick={() => inputRef.current?.click()}>
              {file ? t('import.chooseAgain') : t('import.choose')}
            </Button>
            <Typography.Text data-testid="import-file-name" type={file ? undefined : 'secondary'}>
              {file ? t('import.chosen', { name: file.name, size: fileSize(file.size, lang) }) : t('import.noFile')}
            </Typography.Text>
          </div>
          {readError && <Alert type="error" showIcon title={readError} style={{ marginTop: 12 }} />}
        </Section>

        <Section n={3} title={t('import.step3')} text={t('import.step3Text')}>
          <Button
            data-testid="import-check"
            type={checkDone ? 'default' : 'primary'}
            disabled={!file || busy || commitFinished?.state === 'done'}
            loading={checking}
            onClick={() => file && start.mutate({ mode: 'dry_run', chosen: file })}
          >
            {t('import.check')}
          </Button>
          {!file && (
            <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
              {t('import.chooseFirst')}
            </Typography.Text>
          )}
          {start.error && start.variables?.mode === 'dry_run' && (
            <Alert role="alert" type="error" showIcon title={errorText(start.error)} style={{ marginTop: 12 }} />
          )}
          {checkJob.error && check && (
            <Alert role="alert" type="error" showIcon title={errorText(checkJob.error)} style={{ marginTop: 12 }} />
          )}
          <div style={{ marginTop: 12 }}>
            {checked?.state === 'running' && <JobProgress job={checked} labelKey="import.checking" />}
            {checkDone?.counts && <Counts counts={checkDone.counts} />}
            {checkDone?.counts && checkDone.counts.rejected > 0 && (
              <Alert
                data-testid="import-rejected"
                role="alert"
                type="error"
                showIcon
                title={t('import.rejectedAlert', { count: checkDone.counts.rejected })}
                description={
                  <>
                    <p style={{ margin: '4px 0 8px' }}>{t('import.rejectedHelp')}</p>
                    {checkDone.hasRejectedFile && (
                      <Button
                        data-testid="import-rejected-link"
                        type="primary"
                        danger
                        href={registryUrls.rejectedRows(checkDone.id)}
                        download={`dong-loi-${checkDone.id}.xlsx`}
                      >
                        {t('import.rejectedLink')}
                      </Button>
                    )}
                  </>
                }
              />
            )}
            {checkDone?.counts && checkDone.counts.rejected === 0 && (
              <Alert
                type="success"
                showIcon
                title={
                  checkDone.counts.new + checkDone.counts.updated === 0
                    ? t('import.checkNothingNew')
                    : t('import.checkOk')
                }
              />
            )}
            {checkFailed && (
              <Alert
                role="alert"
                type="error"
                showIcon
                title={t('import.checkFailed')}
                description={checkFailed.message ?? t('error.unknown')}
              />
            )}
          </div>
        </Section>

        <Section n={4} title={t('import.step4')} text={t('import.step4Text')}>
          <Button
            data-testid="import-commit"
            type="primary"
            disabled={!canCommit}
            loading={start.isPending && start.variables?.mode === 'commit'}
            onClick={() => file && start.mutate({ mode: 'commit', chosen: file })}
          >
            {t('import.commit')}
          </Button>
          {!commit && commitBlockedReason && (
            <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
              {commitBlockedReason}
            </Typography.Text>
          )}
          {start.error && start.variables?.mode === 'commit' && (
            <Alert role="alert" type="error" showIcon title={errorText(start.error)} style={{ marginTop: 12 }} />
          )}
          {commitJob.error && commit && (
            <Alert role="alert" type="error" showIcon title={errorText(commitJob.error)} style={{ marginTop: 12 }} />
          )}
          <div style={{ marginTop: 12 }}>
            {committed?.state === 'running' && <JobProgress job={committed} labelKey="import.committing" />}
            {commitFinished && (
              <Alert
                data-testid="import-result"
                role={commitFinished.state === 'failed' ? 'alert' : 'status'}
                type={commitFinished.state === 'failed' ? 'error' : 'success'}
                showIcon
                title={commitFinished.state === 'failed' ? t('import.commitFailed') : t('import.done')}
                description={
                  <>
                    <p style={{ margin: '4px 0 8px' }}>{commitFinished.message}</p>
                    {commitFinished.state === 'done' ? (
                      <LinkButton to="/registry" type="primary" data-testid="import-to-list">
                        {t('import.toList')}
                      </LinkButton>
                    ) : null}
                  </>
                }
              />
            )}
          </div>
        </Section>
      </div>
    </div>
  );
}

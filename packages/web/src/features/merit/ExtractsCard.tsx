import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Select, Space, Tag } from 'antd';
import { todayInVietnam } from '@ansinh/domain';
import { hasAbility, useMe } from '../../kernel/auth';
import { useErrorText } from '../../kernel/errors';
import { useT } from '../../kernel/i18n';
import { meritApi, meritKeys, type ExtractForm, type MeritRecord } from './api';

const FORMS: ExtractForm[] = ['Mẫu 95', 'Mẫu 96', 'Mẫu 97', 'Mẫu 98', 'Mẫu 99'];

/**
 * Extracts of the original dossier (NĐ 131/2021 Art. 128, Mẫu 95–99): each issued extract with its
 * DOCX download (always in Vietnamese; every print is audited), and for the merit office a short
 * form to issue one. docs/legal/merit.md.
 */
export function ExtractsCard({ record }: { record: MeritRecord }) {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [form, setForm] = useState<ExtractForm>('Mẫu 95');
  const [issuedTo, setIssuedTo] = useState('');
  const issue = useMutation({
    mutationFn: () => meritApi.issueExtract(record.id, { form, issuedOn: todayInVietnam(), issuedTo }),
    onSuccess: () => (setIssuedTo(''), void qc.invalidateQueries({ queryKey: meritKeys.record(record.id) })),
    onError: (e: unknown) => void message.error(errorText(e)),
  });
  return (
    <Card size="small" title={t('merit.record.extracts')} style={{ marginTop: 12 }}>
      {record.extracts.length
        ? record.extracts.map((x) => (
            <Tag key={x.id}>
              {/* The official form number ("Mẫu 95", NĐ 131/2021): a proper name, in Vietnamese. */}
              <span lang="vi">{x.form}</span>
              {` · ${x.issuedOn} · `}
              <span translate="no">{x.issuedTo}</span>
              {' · '}
              <a href={meritApi.extractDocxUrl(record.id, x.id)} data-testid={`extract-docx-${x.id}`}>
                {t('merit.docx.extract')}
              </a>
            </Tag>
          ))
        : t('merit.empty')}
      {hasAbility(me, 'merit.manage') && (
        <Space wrap className="merit-noprint" style={{ marginTop: 8, display: 'flex' }}>
          <Select
            aria-label={t('merit.extract.form')}
            data-testid="extract-form"
            style={{ width: 120 }}
            value={form}
            onChange={(v: ExtractForm) => setForm(v)}
            options={FORMS.map((f) => ({ value: f, label: <span lang="vi">{f}</span> }))}
          />
          <Input
            aria-label={t('merit.extract.issuedTo')}
            placeholder={t('merit.extract.issuedTo')}
            data-testid="extract-issued-to"
            style={{ width: 260 }}
            value={issuedTo}
            onChange={(e) => setIssuedTo(e.target.value)}
            onPressEnter={() => issuedTo.trim() && issue.mutate()}
          />
          <Button
            data-testid="extract-issue"
            disabled={!issuedTo.trim()}
            loading={issue.isPending}
            onClick={() => issue.mutate()}
          >
            {t('merit.extract.issue')}
          </Button>
        </Space>
      )}
    </Card>
  );
}

import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Descriptions, Drawer, Input, List, Select, Space, Typography } from 'antd';
import { classifyHousehold, POVERTY_CLASS_LABELS, type PovertyCaseOut } from '@ansinh/domain';
import { useErrorText } from '../../kernel/errors';
import { pick, useLang } from '../../kernel/i18n';
import { pk, povertyApi } from './api';
import { usePovertyT } from './messages';
import { useReturnFocus } from '../../components/useReturnFocus';
import { IsoDateInput } from '../../components/DateInput';

const today = () => new Date().toISOString().slice(0, 10);

/** The survey form (tablet-sized): Phiếu A, B1 and B2, scored live by the campaign's standard. */
export function SurveyDrawer({
  campaignId,
  item,
  onClose,
}: {
  campaignId: number;
  item: PovertyCaseOut;
  onClose: () => void;
}) {
  const t = usePovertyT();
  useReturnFocus();
  const { lang } = useLang();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const rules = useQuery({
    queryKey: pk.rules(campaignId),
    queryFn: ({ signal }) => povertyApi.rules(campaignId, signal),
  });
  const [b1, setB1] = useState<Record<string, string>>({});
  const [deprived, setDeprived] = useState<string[]>(item.deprived);
  const [screeningYes, setScreeningYes] = useState<string[]>([]);
  const [farm, setFarm] = useState(false);
  const [reviewer, setReviewer] = useState('');
  const [surveyedOn, setSurveyedOn] = useState(today());
  const standard = rules.data;
  const live = useMemo(() => {
    if (!standard || Object.keys(b1).length === 0) return null;
    try {
      return classifyHousehold(
        standard,
        {
          residence: item.residence === 'urban' ? 'urban' : 'rural',
          screening: { yes: screeningYes },
          b1,
          deprived,
          previous: item.previous,
          farmHousehold: farm,
        },
        standard.b1,
      );
    } catch {
      return null;
    }
  }, [standard, b1, deprived, screeningYes, farm, item]);
  const save = useMutation({
    mutationFn: () =>
      povertyApi.survey(item.id, { surveyedOn, reviewer, farmHousehold: farm, screeningYes, b1, deprived }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: pk.all });
      onClose();
    },
  });
  return (
    <Drawer open onClose={onClose} size="large" title={t('survey.title', { code: item.householdCode })}>
      {save.error ? <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 12 }} /> : null}
      <Space wrap style={{ marginBottom: 12 }}>
        <label>
          {t('survey.date')} <IsoDateInput width={160} value={surveyedOn} onChange={(v) => setSurveyedOn(v)} />
        </label>
        <label>
          {t('survey.reviewer')}{' '}
          <Input value={reviewer} onChange={(e) => setReviewer(e.target.value)} data-testid="survey-reviewer" />
        </label>
        <Checkbox checked={farm} onChange={(e) => setFarm(e.target.checked)}>
          {t('survey.farm')}
        </Checkbox>
      </Space>
      {standard ? (
        <>
          <Typography.Title level={5}>{t('survey.phieuA')}</Typography.Title>
          <Checkbox.Group
            value={screeningYes}
            onChange={(v) => setScreeningYes(v.map(String))}
            options={[...standard.screening.excludeIfAny, ...standard.screening.counted].map((c) => ({
              value: c.code,
              label: c.vi,
            }))}
          />
          <Typography.Title level={5}>{t('survey.b1')}</Typography.Title>
          <Descriptions size="small" column={1} bordered>
            {standard.b1.items.map((it) => (
              <Descriptions.Item key={it.code} label={lang === 'vi' ? it.vi : it.en}>
                <Select
                  style={{ width: '100%', minHeight: 40 }}
                  allowClear
                  data-testid={`b1-${it.code}`}
                  value={b1[it.code]}
                  onChange={(v?: string) =>
                    setB1((m) => {
                      const next = { ...m };
                      if (v) next[it.code] = v;
                      else delete next[it.code];
                      return next;
                    })
                  }
                  options={it.options.map((o) => ({
                    value: o.code,
                    label: `${o.vi} (${o.points[item.residence === 'urban' ? 'urban' : 'rural']})`,
                  }))}
                />
              </Descriptions.Item>
            ))}
          </Descriptions>
          <Typography.Title level={5}>{t('survey.b2')}</Typography.Title>
          <Checkbox.Group
            value={deprived}
            onChange={(v) => setDeprived(v.map(String))}
            options={standard.indicators.map((i) => ({ value: i.code, label: `${i.vi}: ${i.deprivedIfVi}` }))}
            style={{ display: 'grid', gap: 6 }}
          />
        </>
      ) : null}
      {live ? (
        <Alert
          type="info"
          style={{ marginTop: 12 }}
          data-testid="survey-live"
          title={`${t('survey.live')}: ${pick(POVERTY_CLASS_LABELS[live.class], lang)} (B1 = ${live.b1Score ?? '–'})`}
          description={<List size="small" dataSource={live.reasons} renderItem={(r) => <List.Item>{r}</List.Item>} />}
        />
      ) : null}
      <Button
        type="primary"
        size="large"
        style={{ marginTop: 16 }}
        onClick={() => save.mutate()}
        loading={save.isPending}
        data-testid="survey-save"
      >
        {t('survey.save')}
      </Button>
    </Drawer>
  );
}

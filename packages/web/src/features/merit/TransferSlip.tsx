import { Card, Descriptions } from 'antd';
import { formatDateVi } from '@ansinh/domain';
import { useFormT } from '../../kernel/i18n';
import type { MeritRecord } from './api';

type Transfer = MeritRecord['transfers'][number];

/**
 * The transfer slip (Phiếu di chuyển hồ sơ, Mẫu 93 of NĐ 131/2021, Art. 131) of an outgoing
 * transfer, laid out to print on the person's page and post with the dossier, in particular when
 * the receiving province does not use AnSinh. docs/legal/merit.md.
 */
export function TransferSlips({ record }: { record: MeritRecord }) {
  const t = useFormT(); // an official form: Vietnamese whatever the screen language
  const slips = record.transfers.filter((x: Transfer) => x.direction === 'out' && x.slipNo);
  if (!slips.length) return null;
  const d = (v: string | null) => (v ? formatDateVi(v) : '—');
  return (
    <>
      {slips.map((x: Transfer) => (
        <Card
          key={x.id}
          size="small"
          lang="vi"
          style={{ marginTop: 12, breakBefore: 'page' }}
          title={t('merit.slip.title')}
          data-testid={`merit-slip-${x.id}`}
        >
          <Descriptions size="small" bordered column={1}>
            <Descriptions.Item label={t('merit.slip.no')}>{`${x.slipNo} · ${d(x.slipOn)}`}</Descriptions.Item>
            <Descriptions.Item label={t('merit.slip.person')}>{x.personName}</Descriptions.Item>
            <Descriptions.Item label={t('merit.slip.dossier')}>{x.dossierCode}</Descriptions.Item>
            <Descriptions.Item label={t('merit.slip.to')}>{x.otherProvinceCode}</Descriptions.Item>
            <Descriptions.Item label={t('merit.slip.payment')}>{d(x.paymentFrom)}</Descriptions.Item>
            <Descriptions.Item label={t('merit.slip.posted')}>{d(x.postedOn)}</Descriptions.Item>
          </Descriptions>
          <p style={{ marginTop: 12 }}>{t('merit.slip.note')}</p>
        </Card>
      ))}
    </>
  );
}

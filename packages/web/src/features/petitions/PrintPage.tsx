import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button } from 'antd';
import { formatDate } from '../../kernel/format';
import { useT } from '../../kernel/i18n';
import { petitionsApi, pk } from './api';

/**
 * Printable forms of NĐ 154/2026/NĐ-CP: Mẫu 01/TCD (notice refusing reception, Art. 4) and Mẫu
 * 02/TCD (receipt of documents handed in, Art. 15(4)), filled from the letter. Print from the browser.
 */
export default function PrintPage() {
  const t = useT();
  const { id, form } = useParams();
  const q = useQuery({
    queryKey: pk.letter(Number(id)),
    queryFn: ({ signal }) => petitionsApi.letter(Number(id), signal),
  });
  const l = q.data;
  if (!l) return null;
  const who = l.identityRestricted ? '……………………………' : `${l.senderName ?? ''}, ${l.senderAddress ?? ''}`;
  // The form prints in Vietnamese whatever the screen language (lang="vi"); the button follows the screen.
  return (
    <>
      <div
        className="print-page"
        lang="vi"
        data-testid={`print-${form}`}
        style={{ maxWidth: 760, margin: '0 auto', fontFamily: 'Times New Roman, serif' }}
      >
        <p style={{ textAlign: 'right' }}>Mẫu số {form === '01' ? '01' : '02'}/TCD</p>
        <p style={{ textAlign: 'center', fontWeight: 'bold' }}>
          CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
          <br />
          Độc lập - Tự do - Hạnh phúc
        </p>
        {form === '01' ? (
          <>
            <h3 style={{ textAlign: 'center' }}>THÔNG BÁO</h3>
            <p style={{ textAlign: 'center' }}>Về việc từ chối tiếp công dân</p>
            <p>Kính gửi: {who}</p>
            <p>
              Căn cứ Luật Tiếp công dân và Nghị định số 154/2026/NĐ-CP, cơ quan thông báo từ chối tiếp công dân đối với
              vụ việc: {l.summary}
            </p>
            <p>Lý do: ……………………………………………………………</p>
          </>
        ) : (
          <>
            <h3 style={{ textAlign: 'center' }}>GIẤY BIÊN NHẬN</h3>
            <p style={{ textAlign: 'center' }}>Thông tin, tài liệu, bằng chứng</p>
            <p>
              Hôm nay, ngày {formatDate(l.receivedDate)}, cơ quan tiếp nhận của ông (bà): {who}
            </p>
            <p>
              Đơn số {l.code}: {l.summary}
            </p>
            <p>Các thông tin, tài liệu, bằng chứng gồm: ……………………………………………</p>
          </>
        )}
        <table style={{ width: '100%', marginTop: 48 }}>
          <tbody>
            <tr>
              <td style={{ textAlign: 'center' }}>NGƯỜI NỘP</td>
              <td style={{ textAlign: 'center' }}>NGƯỜI TIẾP NHẬN</td>
            </tr>
          </tbody>
        </table>
      </div>
      <div className="no-print" style={{ maxWidth: 760, margin: '0 auto' }}>
        <Button onClick={() => window.print()} style={{ marginTop: 24 }}>
          {t(form === '01' ? 'petitions.print.01' : 'petitions.print.02')}
        </Button>
      </div>
    </>
  );
}

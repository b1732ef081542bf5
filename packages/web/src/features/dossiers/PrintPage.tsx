import { useParams } from 'react-router';
import { Button } from 'antd';
import type { DossierOut } from '@ansinh/domain';
import { formatDate, formatDateTime } from '../../kernel/format';
import { useFormT, useT } from '../../kernel/i18n';
import type { MessageKey } from '../../kernel/i18n';
import { DetailFallback, useRouteRecord } from '../../components/DetailFallback';
import { dk, dossiersApi } from './api';
import { LookupQr } from './LookupQr';

/**
 * The slips of TT 01/2018/TT-VPCP Art. 9, printed from the browser on A5 (forms 01, 04, 05):
 * a print-styled page rather than a DOCX, because the counter prints it at once for the person
 * waiting, from any browser, with no file to open; only the slip is printed, not the app around it.
 */
const PRINT_CSS = `
.slip { max-width: 148mm; margin: 0 auto; padding: 8mm; background: #fff; color: #000; font-family: "Times New Roman", Times, serif; font-size: 12pt; line-height: 1.35; }
.slip h2 { text-align: center; font-size: 13pt; margin: 10px 0 2px; }
.slip .center { text-align: center; }
.slip .head { display: flex; justify-content: space-between; gap: 8px; font-size: 10.5pt; text-align: center; }
.slip .head b { display: block; }
.slip table { width: 100%; border-collapse: collapse; font-size: 10pt; }
.slip td, .slip th { border: 1px solid #000; padding: 2px 4px; vertical-align: top; }
.slip .sign { display: flex; justify-content: space-between; margin-top: 16px; text-align: center; break-inside: avoid; }
.slip .sign div { width: 48%; }
.slip .sign-name { display: block; margin-top: 18mm; font-weight: bold; }
@page { size: A5 portrait; margin: 8mm; }
@media print {
  /* The shell is hidden by the app's print stylesheet (index.html): the slip alone fills the A5
     page (132 x 194 mm inside the margins), so the signature stays on the first page. */
  .slip { max-width: none; width: auto; margin: 0; padding: 0; font-size: 10.5pt; line-height: 1.25; }
  .slip .head { font-size: 9pt; }
  .slip h2 { font-size: 11.5pt; margin: 6pt 0 2pt; }
  .slip p { margin: 0 0 3pt; }
  .slip ol { margin: 0 0 3pt; padding-inline-start: 18pt; }
  .slip .sign { margin-top: 6pt; }
  .slip .sign-name { margin-top: 14mm; }
}
`;

const upper = (s: string) => s.toLocaleUpperCase('vi-VN');
const at = (iso: string) => {
  const s = formatDateTime(iso); // dd/mm/yyyy hh:mm:ss
  return `${s.slice(11, 13)} giờ ${s.slice(14, 16)} phút, ngày ${s.slice(0, 10)}`;
};

function Head({ d }: { d: DossierOut }) {
  return (
    <div className="head">
      <div>
        <b>UBND {upper(d.receivingAreaName)}</b>
        <b>BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ</b>
      </div>
      <div>
        <b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>
        <b>Độc lập - Tự do - Hạnh phúc</b>
      </div>
    </div>
  );
}

function Receipt({ d }: { d: DossierOut }) {
  const t = useFormT(); // the form prints in Vietnamese whatever the screen language
  return (
    <>
      <h2>GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ</h2>
      <p className="center">
        Mã hồ sơ: <b data-testid="slip-code">{d.code}</b>
      </p>
      <p>
        Bộ phận tiếp nhận và trả kết quả {d.receivingAreaName} tiếp nhận hồ sơ của: Ông/Bà <b>{d.applicantName}</b>
        {d.applicantAddress ? `; địa chỉ: ${d.applicantAddress}` : ''}
        {d.applicantPhone ? `; số điện thoại: ${d.applicantPhone}` : ''}.
      </p>
      <p>Nội dung yêu cầu giải quyết: {d.procedure.name}.</p>
      <p>1. Thành phần hồ sơ nộp gồm:</p>
      <ol style={{ marginTop: 0 }}>
        {(d.documents.length ? d.documents : d.procedure.documents).map((x, i) => (
          <li key={i}>{x}</li>
        ))}
      </ol>
      <p>2. Số lượng hồ sơ: 01 bộ.</p>
      <p>
        3. Thời gian giải quyết hồ sơ theo quy định: {d.procedure.totalDays} ngày làm việc (
        {d.steps.map((s) => `${t(`dossiers.level.${s.level}` as MessageKey)} ${s.days} ngày`).join(', ')}).
      </p>
      <p>4. Thời gian nhận hồ sơ: {at(d.receivedAt)}.</p>
      <p>
        5. Thời gian trả kết quả giải quyết hồ sơ: ngày{' '}
        <b data-testid="slip-appointment">{formatDate(d.appointmentDate)}</b>.
      </p>
      <p>6. Đăng ký nhận kết quả: {t(`dossiers.delivery.${d.delivery}` as MessageKey)}.</p>
      {d.assistedBy && (
        <p>
          Hồ sơ do cán bộ {d.assistedByName ?? d.assistedBy} nộp thay (
          {d.assistedReason ? t(`dossiers.reason.${d.assistedReason}` as MessageKey) : ''}).
        </p>
      )}
      <p style={{ fontSize: '10pt' }}>
        Tra cứu tình trạng hồ sơ tại địa chỉ dưới đây (hoặc quét mã QR) bằng mã hồ sơ và số điện thoại đã khai, hoặc mã
        tra cứu <strong>{d.lookupSecret ?? ''}</strong>.
      </p>
      <LookupQr code={d.code} />
      <div className="sign">
        <div>
          <b>NGƯỜI NỘP HỒ SƠ</b>
          <br />
          <i>(Ký và ghi rõ họ tên)</i>
        </div>
        <div>
          <b>NGƯỜI TIẾP NHẬN HỒ SƠ</b>
          <br />
          <i>(Ký và ghi rõ họ tên)</i>
          <span className="sign-name" data-testid="slip-receiver">
            {d.receivedByName ?? d.receivedBy}
          </span>
        </div>
      </div>
    </>
  );
}

function Apology({ d }: { d: DossierOut }) {
  return (
    <>
      <h2>PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ</h2>
      <p className="center">Kính gửi: Ông/Bà {d.applicantName}</p>
      <p>
        Ngày {formatDate(d.receivedAt.slice(0, 10))}, Bộ phận tiếp nhận và trả kết quả {d.receivingAreaName} tiếp nhận
        giải quyết hồ sơ của Ông/Bà, mã hồ sơ <b>{d.code}</b>. Nội dung yêu cầu giải quyết: {d.procedure.name}. Thời
        gian hẹn trả kết quả: ngày {formatDate(d.dueDate)}.
      </p>
      <p>Nhưng đến nay, chưa trả kết quả giải quyết hồ sơ cho Ông/Bà. Lý do: {d.apologyReason}.</p>
      <p>
        Sự chậm trễ này đã gây phiền hà cho Ông/Bà. Chúng tôi xin lỗi Ông/Bà và hẹn lại thời gian trả kết quả vào ngày{' '}
        <b data-testid="slip-new-date">{formatDate(d.appointmentDate)}</b>.
      </p>
      <p>Rất mong nhận được sự thông cảm của Ông/Bà.</p>
      <div className="sign">
        <div />
        <div>
          <b>THỦ TRƯỞNG CƠ QUAN</b>
          <br />
          <i>(Ký, ghi rõ họ tên, đóng dấu)</i>
        </div>
      </div>
    </>
  );
}

function Control({ d }: { d: DossierOut }) {
  const t = useFormT(); // the form prints in Vietnamese whatever the screen language
  return (
    <>
      <h2>PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ</h2>
      <p className="center">
        Mã hồ sơ: <b>{d.code}</b>
      </p>
      <p>
        Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả; thời gian hẹn trả: {formatDate(d.appointmentDate)}. Cơ quan
        (bộ phận) giải quyết hồ sơ: {d.steps.map((s) => s.areaName).join(', ')}.
      </p>
      <table data-testid="slip-control">
        <thead>
          <tr>
            <th>Tên cơ quan / cấp</th>
            <th>Thời gian giao, nhận hồ sơ</th>
            <th>Kết quả giải quyết (trước / đúng / quá hạn)</th>
            <th>Ghi chú</th>
          </tr>
        </thead>
        <tbody>
          {d.events.map((e) => {
            const step = d.steps.find((s) => s.level === e.level);
            return (
              <tr key={e.id}>
                <td>
                  {e.areaName ?? ''} ({e.actorName ?? e.actor})
                </td>
                <td>
                  {t(`dossiers.action.${e.action}` as MessageKey)}: {formatDateTime(e.at)}
                </td>
                <td>
                  {e.action === 'forward' || e.action === 'result'
                    ? step?.timeliness
                      ? t(`dossiers.timeliness.${step.timeliness}` as MessageKey)
                      : ''
                    : ''}
                </td>
                <td>{e.note}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

export default function PrintPage() {
  const t = useT();
  const form = useParams().form ?? 'receipt';
  const { valid, query } = useRouteRecord(dk.one, (id, signal) => dossiersApi.get(id, signal));
  const d = query.data;
  if (!d) return <DetailFallback valid={valid} query={query} />;
  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="no-print" style={{ marginBottom: 12 }}>
        <Button data-testid="print-button" type="primary" onClick={() => window.print()}>
          {t('dossiers.print.button')}
        </Button>
      </div>
      <div className="slip" lang="vi" data-testid={`slip-${form}`}>
        <Head d={d} />
        {form === 'apology' ? <Apology d={d} /> : form === 'control' ? <Control d={d} /> : <Receipt d={d} />}
      </div>
    </>
  );
}

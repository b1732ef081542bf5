import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { expectProblem } from '../../test/fixtures.js';
import { buildClassifiedLetter, buildEntry, buildLetter } from '../../test/factories.js';

/** The official forms as DOCX (Mẫu 01/TCD, 02/TCD, 03/TCD and the slips of the handling decision). */
let ctx: TestContext;
let inspector: Session;
let xaOther: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  inspector = await ctx.login('thanhtra');
  xaOther = await ctx.login('xa.25273');
});
afterAll(() => ctx.close());

async function docText(res: {
  statusCode: number;
  body: string;
  rawPayload: Buffer;
  headers: Record<string, unknown>;
}) {
  expect({ status: res.statusCode, body: res.statusCode === 200 ? '' : res.body.slice(0, 300) }).toEqual({
    status: 200,
    body: '',
  });
  expect(String(res.headers['content-type'])).toMatch(/wordprocessingml/);
  const zip = await JSZip.loadAsync(res.rawPayload);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<[^>]+>/g, '');
}

describe('forms of a letter as DOCX', () => {
  it('prints Mẫu 01/TCD and 02/TCD in Vietnamese, with the decree in force on the day', async () => {
    const l = await buildLetter(ctx, { senderName: 'Phạm Văn Biên Nhận', receivedDate: '2021-05-10' });
    const refusal = await docText(
      await inspector.inject('GET', `/api/v1/petitions/letters/${l.id}/forms/01-tcd?reason=Say%20r%C6%B0%E1%BB%A3u`),
    );
    expect(refusal).toContain('Mẫu số 01/TCD');
    expect(refusal).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(refusal).toContain('Về việc từ chối tiếp công dân');
    expect(refusal).toContain('Nghị định số 64/2014/NĐ-CP');
    expect(refusal).toContain('Lý do: Say rượu');
    const receipt = await docText(await inspector.inject('GET', `/api/v1/petitions/letters/${l.id}/forms/02-tcd`));
    expect(receipt).toContain('Mẫu số 02/TCD');
    expect(receipt).toContain('Phạm Văn Biên Nhận');
    expect(receipt).toContain(l.code);
  });

  it("prints the slip of the decision, a denunciation's without the denouncer", async () => {
    const l = await buildClassifiedLetter(
      ctx,
      'denunciation',
      { senderName: 'Người Tố Cáo Trên Phiếu' },
      { withinCompetence: false },
    );
    expectProblem(
      await inspector.inject('GET', `/api/v1/petitions/letters/${l.id}/forms/slip`),
      409,
      'NO_SLIP_FOR_LETTER',
    );
    const decided = await inspector.inject('POST', `/api/v1/petitions/letters/${l.id}/decide`, {
      decision: 'transfer',
      date: '2021-03-03',
      to: 'Thanh tra tỉnh',
      documentRef: '12/PC-TTr',
    });
    expect(decided.statusCode).toBe(200);
    const slip = await docText(await inspector.inject('GET', `/api/v1/petitions/letters/${l.id}/forms/slip`));
    expect(slip).toContain('PHIẾU CHUYỂN ĐƠN TỐ CÁO');
    expect(slip).toContain('Mẫu số 03');
    expect(slip).toContain('Số: 12/PC-TTr');
    expect(slip).toContain('Kính gửi: Thanh tra tỉnh.');
    expect(slip).toContain('giữ bí mật');
    const receipt = await docText(await inspector.inject('GET', `/api/v1/petitions/letters/${l.id}/forms/02-tcd`));
    expect(slip + receipt).not.toContain('Người Tố Cáo Trên Phiếu');
  });

  it('prints the accept slip and the guide notice', async () => {
    const accepted = await buildClassifiedLetter(ctx, 'complaint');
    await inspector.inject('POST', `/api/v1/petitions/letters/${accepted.id}/decide`, {
      decision: 'accept',
      date: '2021-03-02',
    });
    expect(
      await docText(await inspector.inject('GET', `/api/v1/petitions/letters/${accepted.id}/forms/slip`)),
    ).toContain('PHIẾU ĐỀ XUẤT THỤ LÝ ĐƠN');
    const guided = await buildClassifiedLetter(ctx, 'complaint', {}, { withinCompetence: false });
    const r = await inspector.inject('POST', `/api/v1/petitions/letters/${guided.id}/decide`, {
      decision: 'guide',
      date: '2021-03-02',
      to: 'UBND huyện Đồng Phú',
    });
    expect(r.statusCode).toBe(200);
    const guide = await docText(await inspector.inject('GET', `/api/v1/petitions/letters/${guided.id}/forms/slip`));
    expect(guide).toContain('VĂN BẢN HƯỚNG DẪN');
    expect(guide).toContain('UBND huyện Đồng Phú');
  });

  it("answers 404 outside the officer's area and 400 for an unknown form", async () => {
    const l = await buildLetter(ctx, { areaCode: '25213' });
    expectProblem(await xaOther.inject('GET', `/api/v1/petitions/letters/${l.id}/forms/01-tcd`), 404, 'NOT_FOUND');
    expectProblem(
      await inspector.inject('GET', `/api/v1/petitions/letters/${l.id}/forms/99-tcd`),
      400,
      'VALIDATION_FAILED',
    );
  });
});

describe('the reception book as DOCX (Mẫu 03/TCD)', () => {
  it('prints the 13 columns for the period, a denouncer kept secret', async () => {
    await buildEntry(ctx, { date: '2021-09-06', name: 'Người Được Tiếp Sổ Docx' });
    await buildEntry(ctx, { date: '2021-09-07', kind: 'denunciation', name: 'Người Tố Cáo Sổ Docx' });
    const text = await docText(
      await inspector.inject('GET', '/api/v1/petitions/book.docx?from=2021-09-01&to=2021-09-30'),
    );
    expect(text).toContain('Mẫu số 03/TCD');
    expect(text).toContain('SỔ TIẾP CÔNG DÂN');
    expect(text).toContain('(13)');
    expect(text).toContain('Người Được Tiếp Sổ Docx');
    expect(text).toContain('Giữ bí mật');
    expect(text).not.toContain('Người Tố Cáo Sổ Docx');
  });
});

import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { addOtherProvince } from '../../test/fixtures.js';
import { buildIntake, buildMartyr, buildMeritRecord, buildSample, factoryActor } from '../../test/factories.js';

/**
 * The printed forms of NĐ 131/2021 as DOCX, in Vietnamese: the extract of a record (Mẫu 95–99,
 * its print audited), the cemetery list of martyrs' graves (Mẫu 84) and the minutes of remains
 * handed over (Mẫu 81/82); each answers 404 for a row outside the actor's area.
 */
let ctx: TestContext;
let officer: Session;
let commune: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  await addOtherProvince(ctx);
  officer = await ctx.login('tinh.chuyenvien');
  commune = await ctx.login('xa.25213');
});
afterAll(async () => {
  await ctx?.close();
});

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
  expect(String(res.headers['content-disposition'])).toMatch(/attachment; filename=".+\.docx"/);
  const zip = await JSZip.loadAsync(res.rawPayload);
  const xml = await zip.file('word/document.xml')!.async('string');
  return { text: xml.replace(/<[^>]+>/g, ''), xml };
}

async function issuedExtract(communeCode = '25213') {
  const r = await buildMeritRecord(ctx, { communeCode, fullName: 'Lê Văn Trích Lục' });
  await ctx.services.merit.addDecision(factoryActor, r.id, {
    kind: 'grant',
    effectiveMonth: '2022-03',
    decisionNo: '120/QĐ-SLĐTBXH',
    decisionDate: '2022-02-20',
    monthlyAmount: 2_500_000,
    reason: '',
    dossierId: null,
  });
  await ctx.services.merit.addDecision(factoryActor, r.id, {
    kind: 'suspension',
    effectiveMonth: '2023-05',
    decisionNo: '455/QĐ-SLĐTBXH',
    decisionDate: '2023-04-25',
    monthlyAmount: 0,
    reason: 'Chấp hành án',
    dossierId: null,
  });
  const d = await ctx.services.merit.issueExtract(factoryActor, r.id, {
    form: 'Mẫu 95',
    issuedOn: '2024-06-10',
    issuedTo: 'Lê Thị Nhận',
  });
  return { record: r, extractId: d.extracts[0]!.id };
}

describe('extract of a meritorious person’s dossier (Mẫu 95–99)', () => {
  it('prints the person, category, dossier code, custodian and decisions in order, and audits the print', async () => {
    const { record, extractId } = await issuedExtract();
    const res = await officer.inject('GET', `/api/v1/merit/records/${record.id}/extracts/${extractId}/docx`);
    const { text } = await docText(res);
    expect(text).toContain('Mẫu số 95');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('TRÍCH LỤC HỒ SƠ NGƯỜI CÓ CÔNG VỚI CÁCH MẠNG');
    expect(text).toContain('Nghị định số 131/2021/NĐ-CP');
    expect(text).toContain('Lê Văn Trích Lục');
    expect(text).toContain('Thương binh');
    expect(text).toContain('Tỷ lệ tổn thương cơ thể: 61%');
    expect(text).toContain(`Mã hồ sơ: ${record.dossierCode}`);
    expect(text).toContain('Nơi lưu giữ hồ sơ gốc: Sở');
    expect(text).toContain('Lê Thị Nhận');
    expect(text).toContain('SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI'); // issued before the 2025 merger
    const grant = text.indexOf('120/QĐ-SLĐTBXH');
    const suspension = text.indexOf('455/QĐ-SLĐTBXH');
    expect(grant).toBeGreaterThan(0);
    expect(suspension).toBeGreaterThan(grant);
    expect(text).toContain('2.500.000');
    expect(text).toContain('03/2022');
    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .select(['actor_username', 'at', 'after_json'])
      .where('action', '=', 'merit.extract.print')
      .where('entity_id', '=', String(record.id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_username).toBe('tinh.chuyenvien');
    expect(audit[0]!.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ extractId, form: 'Mẫu 95', issuedTo: 'Lê Thị Nhận' });
  });

  it('answers 404 for a record outside the area, or an extract of another record, and audits nothing', async () => {
    const other = await issuedExtract('25270'); // another district's commune
    const mine = await issuedExtract('25213');
    const before = await ctx.database.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'merit.extract.print')
      .executeTakeFirstOrThrow();
    const outside = await commune.inject(
      'GET',
      `/api/v1/merit/records/${other.record.id}/extracts/${other.extractId}/docx`,
    );
    expect(outside.statusCode).toBe(404);
    const mismatched = await officer.inject(
      'GET',
      `/api/v1/merit/records/${mine.record.id}/extracts/${other.extractId}/docx`,
    );
    expect(mismatched.statusCode).toBe(404);
    const after = await ctx.database.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'merit.extract.print')
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const inside = await commune.inject(
      'GET',
      `/api/v1/merit/records/${mine.record.id}/extracts/${mine.extractId}/docx`,
    );
    expect(inside.statusCode).toBe(200);
  });
});

describe('cemetery list of martyrs’ graves (Mẫu 84)', () => {
  it('lists each grave with position, name, hometown, date of death and identification, landscape', async () => {
    const cem = await ctx.services.merit.createCemetery(factoryActor, {
      name: 'Nghĩa trang liệt sĩ Thử Nghiệm',
      communeCode: '25213',
      level: 'commune',
    });
    const grave = (position: string) => ({
      cemeteryId: cem.id,
      location: 'in_cemetery' as const,
      position,
      massGrave: false,
    });
    await buildMartyr(ctx, {
      fullName: 'Nguyễn Văn Hàng Hai',
      hometown: 'Xã Đức Hòa, Long An',
      deathDate: '1968-02-12',
      grave: grave('Khu A, hàng 2, mộ 5'),
    });
    await buildMartyr(ctx, {
      fullName: 'Phạm Văn Hàng Một',
      hometown: 'Hà Nam',
      deathDate: null,
      deathYear: 1972,
      grave: grave('Khu A, hàng 1, mộ 3'),
    });
    await buildMartyr(ctx, { fullName: '', hometown: '', deathYear: null, grave: grave('Khu B, hàng 1, mộ 1') });
    const { text, xml } = await docText(await officer.inject('GET', `/api/v1/merit/cemeteries/${cem.id}/graves.docx`));
    expect(text).toContain('Mẫu số 84');
    expect(text).toContain('DANH SÁCH MỘ LIỆT SĨ TRONG NGHĨA TRANG LIỆT SĨ');
    expect(text).toContain('Nghĩa trang liệt sĩ Thử Nghiệm');
    expect(text).toContain('Vị trí mộ');
    expect(text).toContain('Xã Đức Hòa, Long An');
    expect(text).toContain('12/02/1968');
    expect(text).toContain('1972');
    expect(text).toContain('Chưa xác định được thông tin');
    expect(text).toContain('Tổng số: 3 mộ, trong đó 2 mộ đã xác định danh tính, 1 mộ chưa xác định danh tính.');
    expect(text.indexOf('Phạm Văn Hàng Một')).toBeLessThan(text.indexOf('Nguyễn Văn Hàng Hai')); // position order
    expect(xml).toMatch(/w:orient="landscape"/);
  });

  it('answers 404 for a cemetery outside the area', async () => {
    const cem = await ctx.services.merit.createCemetery(factoryActor, {
      name: 'Nghĩa trang huyện khác',
      communeCode: '25270',
      level: 'commune',
    });
    expect((await commune.inject('GET', `/api/v1/merit/cemeteries/${cem.id}/graves.docx`)).statusCode).toBe(404);
    expect((await officer.inject('GET', `/api/v1/merit/cemeteries/${cem.id}/graves.docx`)).statusCode).toBe(200);
  });
});

describe('minutes of remains handed over by a search team (Mẫu 81/82)', () => {
  it('prints the team, the counts and the samples taken', async () => {
    const intake = await buildIntake(ctx, { receivedOn: '2025-03-14' });
    const code = `BP-BG-${Date.now()}`;
    await buildSample(ctx, { intakeId: intake.id, code });
    const { text } = await docText(await officer.inject('GET', `/api/v1/merit/remains/${intake.id}/handover.docx`));
    expect(text).toContain('Mẫu số 81');
    expect(text).toContain('BIÊN BẢN BÀN GIAO HÀI CỐT LIỆT SĨ');
    expect(text).toContain('Đội K72');
    expect(text).toContain('ngày 14 tháng 03 năm 2025');
    expect(text).toContain('Số hài cốt liệt sĩ bàn giao: 3');
    expect(text).toContain('chưa xác định được danh tính: 3');
    expect(text).toContain(code.toUpperCase());
    expect(text).toContain('BÊN GIAO');
    expect(text).toContain('BÊN NHẬN');
  });

  it('answers 404 for remains received in another province', async () => {
    const intake = await buildIntake(ctx, { provinceCode: '99' });
    expect((await officer.inject('GET', `/api/v1/merit/remains/${intake.id}/handover.docx`)).statusCode).toBe(404);
  });
});

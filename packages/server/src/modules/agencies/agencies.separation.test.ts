import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxOut, ProcedurePage, ProgramOut, ReportOut, ReportPage, ReportPreview } from '@ansinh/domain';
import { systemActor } from '../../platform/actor.js';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { buildAgency, buildAgencyUser, buildList, buildProcedure, buildProgram } from '../../test/factories.js';

/**
 * Issue 19: one AnSinh serves several agencies of a province, and neither sees the other's
 * programs, procedures or reports (404 on the other's record, as outside the area); each issues
 * its reports with its own header, signer and numbering. The demo province has two agencies: the
 * Sở LĐ-TBXH (`SLDTBXH`, every older demo account) and the Sở Nội vụ (`SNV`, snv.*).
 */
let ctx: TestContext;
let snv: Session;
let ldtbxh: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  [snv, ldtbxh] = await ctx.loginAll(['snv.chuyenvien', 'tinh.chuyenvien'] as const);
});
afterAll(async () => {
  await ctx?.close();
});

const ok = async <T>(p: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200): Promise<T> => {
  const res = await p;
  expect({ status: res.statusCode, body: res.body.slice(0, 300) }).toMatchObject({ status });
  return res.json() as T;
};

const newReport = (s: Session) =>
  ok<ReportOut>(
    s.inject('POST', '/api/v1/reports', {
      templateCode: 'dan-van-nam',
      year: 2025,
      areaCode: '70',
      asOf: '2025-12-31',
    }),
    201,
  );
const issue = (s: Session, id: number) =>
  ok<ReportOut>(s.inject('POST', `/api/v1/reports/${id}/issue`, { acceptMissing: true }));

describe('two agencies of one province', () => {
  it('each lists only its own programs (and those of no agency); the other’s answers 404', async () => {
    const mine = await buildProgram(ctx, { agencyCode: 'SNV' });
    const theirs = await buildProgram(ctx, { agencyCode: 'SLDTBXH' });
    const shared = await buildProgram(ctx);
    const snvList = await ok<{ items: ProgramOut[] }>(snv.inject('GET', '/api/v1/programs'));
    const ldList = await ok<{ items: ProgramOut[] }>(ldtbxh.inject('GET', '/api/v1/programs'));
    const ids = (l: { items: ProgramOut[] }) => l.items.map((p) => p.id);
    expect(ids(snvList)).toEqual(expect.arrayContaining([mine.id, shared.id]));
    expect(ids(snvList)).not.toContain(theirs.id);
    expect(ids(ldList)).toEqual(expect.arrayContaining([theirs.id, shared.id]));
    expect(ids(ldList)).not.toContain(mine.id);
    expect((await snv.inject('GET', `/api/v1/programs/${theirs.id}`)).statusCode).toBe(404);
    expect((await ldtbxh.inject('GET', `/api/v1/programs/${mine.id}`)).statusCode).toBe(404);
    expect((await snv.inject('GET', `/api/v1/programs/${mine.id}`)).statusCode).toBe(200);
    // The Department's administrator works for the Sở LĐ-TBXH: it does not see the SNV's either.
    const system = await ctx.services.programs.listPrograms(systemActor());
    expect(system.items.map((p) => p.id)).toEqual(expect.arrayContaining([mine.id, theirs.id, shared.id]));
  });

  it('a program’s lists and payment batches are its agency’s: the other neither lists, opens nor is given them', async () => {
    const mine = await buildProgram(ctx, { agencyCode: 'SNV' });
    const theirs = await buildProgram(ctx, { agencyCode: 'SLDTBXH' });
    const system = systemActor();
    const approvedList = async (programId: number) => {
      const l = await buildList(ctx, { programId, stage: 'approved' });
      const batch = await ctx.services.programs.payments.createBatch(system, {
        programId,
        period: '2025', // the gift program's reference date is in 2025 (test/factories)
        channel: 'post_office',
        areaCode: l.communeCode,
      });
      return { ...l, batchId: batch.id };
    };
    const [a, b] = [await approvedList(mine.id), await approvedList(theirs.id)];
    const listIds = async (s: Session, programId: number) =>
      (await ok<{ items: { id: number }[] }>(s.inject('GET', `/api/v1/lists?programId=${programId}`))).items.map(
        (l) => l.id,
      );
    expect(await listIds(snv, mine.id)).toEqual([a.listId]);
    expect(await listIds(snv, theirs.id)).toEqual([]);
    expect(await listIds(ldtbxh, theirs.id)).toEqual([b.listId]);
    expect(await listIds(ldtbxh, mine.id)).toEqual([]);
    expect((await snv.inject('GET', `/api/v1/lists/${b.listId}`)).statusCode).toBe(404);
    expect((await snv.inject('GET', `/api/v1/lists/${b.listId}/entries`)).statusCode).toBe(404);
    expect((await ldtbxh.inject('GET', `/api/v1/lists/${a.listId}`)).statusCode).toBe(404);
    expect((await snv.inject('GET', `/api/v1/lists/${a.listId}`)).statusCode).toBe(200);

    const batchIds = async (s: Session) =>
      (await ok<{ items: { id: number }[] }>(s.inject('GET', '/api/v1/payment-batches?limit=200'))).items.map(
        (x) => x.id,
      );
    const [snvBatches, ldBatches] = [await batchIds(snv), await batchIds(ldtbxh)];
    expect(snvBatches).toContain(a.batchId);
    expect(snvBatches).not.toContain(b.batchId);
    expect(ldBatches).toContain(b.batchId);
    expect(ldBatches).not.toContain(a.batchId);
    expect((await snv.inject('GET', `/api/v1/payment-batches/${b.batchId}`)).statusCode).toBe(404);
    expect((await snv.inject('GET', `/api/v1/payment-batches/${b.batchId}/entries`)).statusCode).toBe(404);
    expect((await snv.inject('GET', `/api/v1/payment-batches/${a.batchId}`)).statusCode).toBe(200);

    // The inbox: a list of the Sở LĐ-TBXH waiting for the province's approval counts for its
    // officers, not for the Sở Nội vụ's.
    const waiting = async (s: Session) =>
      (await ok<InboxOut>(s.inject('GET', '/api/v1/inbox'))).counts.find((c) => c.kind === 'list_approve')?.count ?? 0;
    const [snvBefore, ldBefore] = [await waiting(snv), await waiting(ldtbxh)];
    await buildList(ctx, { programId: theirs.id, stage: 'appraised' });
    expect(await waiting(ldtbxh)).toBe(ldBefore + 1);
    expect(await waiting(snv)).toBe(snvBefore);
    await buildList(ctx, { programId: mine.id, stage: 'appraised' });
    expect(await waiting(snv)).toBe(snvBefore + 1);
    expect(await waiting(ldtbxh)).toBe(ldBefore + 1);
  });

  it('each lists only its own procedures; the other’s answers 404', async () => {
    const mine = await buildProcedure(ctx, { agencyCode: 'SNV' });
    const theirs = await buildProcedure(ctx, { agencyCode: 'SLDTBXH' });
    const codes = async (s: Session) =>
      (await ok<ProcedurePage>(s.inject('GET', '/api/v1/procedures?pageSize=500'))).items.map((p) => p.code);
    const [snvCodes, ldCodes] = await Promise.all([codes(snv), codes(ldtbxh)]);
    expect(snvCodes).toContain(mine.code);
    expect(snvCodes).not.toContain(theirs.code);
    expect(ldCodes).toContain(theirs.code);
    expect(ldCodes).not.toContain(mine.code);
    // The demo catalogue is the Sở LĐ-TBXH's.
    expect(ldCodes.length).toBeGreaterThan(snvCodes.length);
    expect((await snv.inject('GET', `/api/v1/procedures/${theirs.id}`)).statusCode).toBe(404);
    expect((await ldtbxh.inject('GET', `/api/v1/procedures/${mine.id}`)).statusCode).toBe(404);
    expect((await ldtbxh.inject('PATCH', `/api/v1/procedures/${mine.id}`, { name: 'Đổi tên' })).statusCode).toBe(404);
  });

  it('reports: each lists its own, the other’s is 404; each issues with its own header, signer and numbers', async () => {
    const a = await newReport(snv);
    const b = await newReport(ldtbxh);
    const list = async (s: Session) =>
      (await ok<ReportPage>(s.inject('GET', '/api/v1/reports?pageSize=500'))).items.map((r) => r.id);
    expect(await list(snv)).toContain(a.id);
    expect(await list(snv)).not.toContain(b.id);
    expect(await list(ldtbxh)).toContain(b.id);
    expect(await list(ldtbxh)).not.toContain(a.id);
    for (const [s, id] of [
      [snv, b.id],
      [ldtbxh, a.id],
    ] as const) {
      expect((await s.inject('GET', `/api/v1/reports/${id}`)).statusCode).toBe(404);
      expect((await s.inject('GET', `/api/v1/reports/${id}/preview`)).statusCode).toBe(404);
      expect((await s.inject('POST', `/api/v1/reports/${id}/issue`, { acceptMissing: true })).statusCode).toBe(404);
    }

    const issuedA = await issue(snv, a.id);
    const issuedB = await issue(ldtbxh, b.id);
    const second = await issue(snv, (await newReport(snv)).id);
    expect(issuedA.number).toBe('01/BC-SNV');
    expect(second.number).toBe('02/BC-SNV');
    expect(issuedB.number).toMatch(/^\d\d\/BC-SLĐTBXH$/);
    const pa = await ok<ReportPreview>(snv.inject('GET', `/api/v1/reports/${a.id}/preview`));
    expect(pa.header).toMatchObject({
      agency: 'SỞ NỘI VỤ',
      number: 'Số: 01/BC-SNV',
      signerName: 'Vũ Thị Nội',
      recipients: expect.arrayContaining(['Bộ Nội vụ (để b/c)']) as unknown,
    });
    const pb = await ok<ReportPreview>(ldtbxh.inject('GET', `/api/v1/reports/${b.id}/preview`));
    expect(pb.header.agency).toBe('SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI');
    expect(pb.header.signerName).toBe('Nguyễn Văn Minh');
  });

  it('a new agency numbers from 01 and its edited signer reaches its next report', async () => {
    const ag = await buildAgency(ctx, { symbol: `QA${Date.now() % 100000}` });
    const s = await ctx.login(await buildAgencyUser(ctx, ag.code));
    const first = await issue(s, (await newReport(s)).id);
    expect(first.number).toBe(`01/BC-${ag.symbol}`);
    await ctx.services.agencies.update(systemActor(), ag.id, {
      signerName: 'Người Ký Mới',
    });
    const next = await newReport(s);
    const p = await ok<ReportPreview>(s.inject('GET', `/api/v1/reports/${next.id}/preview`));
    expect(p.header.signerName).toBe('Người Ký Mới');
    expect(p.header.agency).toBe(ag.headerName);
  });

  it('an account without an agency sees every agency of its province', async () => {
    const mine = await buildProgram(ctx, { agencyCode: 'SNV' });
    const theirs = await buildProgram(ctx, { agencyCode: 'SLDTBXH' });
    const s = await ctx.login(await buildAgencyUser(ctx, null));
    const ids = (await ok<{ items: ProgramOut[] }>(s.inject('GET', '/api/v1/programs'))).items.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining([mine.id, theirs.id]));
  });

  it('the header bar names the user’s agency', async () => {
    const me = await ok<{ agencyCode: string; agencyName: string }>(snv.inject('GET', '/api/v1/auth/me'));
    expect(me).toMatchObject({ agencyCode: 'SNV', agencyName: 'Sở Nội vụ' });
  });

  it('report templates: an officer’s new template is its agency’s; the other agency neither lists, opens nor uses it', async () => {
    const tpl = await ok<{ code: string; agencyCode: string | null }>(
      snv.inject('POST', '/api/v1/reports/templates', {
        code: 'snv-to-chuc-bo-may',
        nameVi: 'Báo cáo tổ chức bộ máy',
        nameEn: 'Organisation report',
        period: 'year',
        titlePattern: 'Báo cáo tổ chức bộ máy năm {year}',
        body: {
          docTitle: 'BÁO CÁO',
          summary: 'Tổ chức bộ máy năm {year}',
          addressee: 'Kính gửi: Ủy ban nhân dân tỉnh',
          recipients: ['Như trên'],
          sections: [
            {
              id: 'a',
              number: 'I.',
              title: 'KẾT QUẢ',
              level: 1,
              blocks: [{ type: 'text', id: 'a.p1', text: 'Nội dung.' }],
            },
          ],
        },
      }),
      201,
    );
    expect(tpl.agencyCode).toBe('SNV');
    const codes = async (s: Session) =>
      (await ok<{ items: { code: string }[] }>(s.inject('GET', '/api/v1/reports/templates'))).items.map((t) => t.code);
    expect(await codes(snv)).toEqual(expect.arrayContaining(['snv-to-chuc-bo-may', 'dan-van-nam']));
    expect(await codes(ldtbxh)).not.toContain('snv-to-chuc-bo-may');
    expect(await codes(ldtbxh)).toContain('dan-van-nam');
    expect((await ldtbxh.inject('GET', '/api/v1/reports/templates/snv-to-chuc-bo-may')).statusCode).toBe(404);
    const use = await ldtbxh.inject('POST', '/api/v1/reports', {
      templateCode: 'snv-to-chuc-bo-may',
      year: 2025,
      areaCode: '70',
    });
    // As if the template did not exist: the same answer as an unknown code.
    expect(use.statusCode).toBe(400);
    expect(use.body).toContain('Không có mẫu báo cáo snv-to-chuc-bo-may');
    const mine = await snv.inject('POST', '/api/v1/reports', {
      templateCode: 'snv-to-chuc-bo-may',
      year: 2025,
      areaCode: '70',
    });
    expect(mine.statusCode).toBe(201);
  });
});

import { describe, expect, it, onTestFinished } from 'vitest';
import type { ReportOut, ReportPreview, TemplateList, TemplateOut } from '@ansinh/domain';
import { createTestContext } from '../../test/helpers.js';
import { addOtherProvince, expectProblem } from '../../test/fixtures.js';
import { buildReportTemplate } from '../../test/factories.js';
import { REPORT_TEMPLATES } from './reports.templates.js';

/**
 * Templates as each province's data (issue 19): the shipped ones loaded at first use, versions on
 * each save, a report keeping the version it was made from and its own header and closing, frozen
 * at issue, and the checks a save goes through.
 */
const ok = async <T>(p: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200): Promise<T> => {
  const res = await p;
  expect(res.statusCode, res.body.slice(0, 800)).toBe(status);
  return res.json() as T;
};
const saveBody = (t: TemplateOut) => ({
  nameVi: t.nameVi,
  nameEn: t.nameEn,
  period: t.period,
  titlePattern: t.titlePattern!,
  body: t.body,
});

describe('report templates as data', { timeout: 180_000 }, () => {
  it('loads the shipped templates for each province at first use, every one checked', async () => {
    const ctx = await createTestContext();
    onTestFinished(() => ctx.close());
    await addOtherProvince(ctx);
    const tinh = await ctx.login('tinh.chuyenvien');
    const list = await ok<TemplateList>(tinh.inject('GET', '/api/v1/reports/templates'));
    expect(list.items.map((t) => [t.code, t.version, t.archived])).toEqual(
      REPORT_TEMPLATES.map((t) => [t.code, 1, false]),
    );
    const annual = list.items.find((t) => t.code === 'dan-van-cq-nam')!;
    expect(annual.body.sections.map((s) => s.number + ' ' + s.title)).toContain(
      'IV. CÔNG TÁC TIẾP CÔNG DÂN, GIẢI QUYẾT ĐƠN THƯ',
    );
    // A template created in province 70 is not province 99's.
    const mine = await buildReportTemplate(ctx);
    const other = await ctx.login('admin99');
    const theirs = await ok<TemplateList>(other.inject('GET', '/api/v1/reports/templates'));
    expect(theirs.items.map((t) => t.code)).toEqual(REPORT_TEMPLATES.map((t) => t.code));
    expectProblem(await other.inject('GET', `/api/v1/reports/templates/${mine.code}`), 404, 'NOT_FOUND');
  });

  it('saves each change as a new version; a report keeps the version it was made from', async () => {
    const ctx = await createTestContext();
    onTestFinished(() => ctx.close());
    const tinh = await ctx.login('tinh.chuyenvien');
    const t1 = await buildReportTemplate(ctx);
    const v2body = saveBody(t1);
    v2body.body = {
      ...t1.body,
      addressee: 'Kính gửi: Ban Dân vận Tỉnh ủy',
      sections: [
        ...t1.body.sections,
        {
          id: 'b',
          number: 'II.',
          title: 'KIẾN NGHỊ',
          level: 1,
          blocks: [{ type: 'text', id: 'b.p1', text: 'Đề nghị.' }],
        },
      ],
    };
    const t2 = await ok<TemplateOut>(tinh.inject('PUT', `/api/v1/reports/templates/${t1.code}`, v2body));
    expect([t2.version, t2.body.sections.length, t2.body.addressee]).toEqual([2, 2, 'Kính gửi: Ban Dân vận Tỉnh ủy']);
    const report = await ok<ReportOut>(
      tinh.inject('POST', '/api/v1/reports', { templateCode: t1.code, year: 2025, asOf: '2025-12-31' }),
      201,
    );
    expect([report.templateVersion, report.templateName, report.title]).toEqual([
      2,
      t1.nameVi,
      t1.titlePattern!.replace('{year}', '2025'),
    ]);
    // Version 3 renames the section: the report made from version 2 keeps its own.
    const v3 = saveBody(t2);
    v3.body = { ...t2.body, sections: t2.body.sections.map((s) => ({ ...s, title: `${s.title} (mới)` })) };
    await ok<TemplateOut>(tinh.inject('PUT', `/api/v1/reports/templates/${t1.code}`, v3));
    const p = await ok<ReportPreview>(tinh.inject('GET', `/api/v1/reports/${report.id}/preview`));
    expect(p.sections.map((s) => s.title)).toEqual(['KẾT QUẢ', 'KIẾN NGHỊ']);
    expect(p.header.addressee).toBe('Kính gửi: Ban Dân vận Tỉnh ủy');
    const versions = await ok<{ items: { version: number; createdBy: string }[] }>(
      tinh.inject('GET', `/api/v1/reports/templates/${t1.code}/versions`),
    );
    expect(versions.items.map((v) => [v.version, v.createdBy])).toEqual([
      [3, 'tinh.chuyenvien'],
      [2, 'tinh.chuyenvien'],
      [1, 'factory'],
    ]);
    // Archived: no new report from it, and no new version until it is brought back.
    await ok(tinh.inject('POST', `/api/v1/reports/templates/${t1.code}/archive`, { archived: true }));
    expectProblem(
      await tinh.inject('POST', '/api/v1/reports', { templateCode: t1.code, year: 2025 }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(await tinh.inject('PUT', `/api/v1/reports/templates/${t1.code}`, v3), 409, 'TEMPLATE_ARCHIVED');
    const archived = await ok<TemplateList>(tinh.inject('GET', '/api/v1/reports/templates?archived=true'));
    expect(archived.items.map((t) => t.code)).toEqual([t1.code]);
  });

  it("keeps a report's own summary, addressee, recipients, signer and sections, frozen at issue", async () => {
    const ctx = await createTestContext();
    onTestFinished(() => ctx.close());
    const tinh = await ctx.login('tinh.chuyenvien');
    const t = await buildReportTemplate(ctx);
    const report = await ok<ReportOut>(
      tinh.inject('POST', '/api/v1/reports', { templateCode: t.code, year: 2025, asOf: '2025-12-31' }),
      201,
    );
    const own = {
      summary: 'Kết quả riêng của báo cáo này',
      addressee: 'Kính gửi: Thường trực Hội đồng nhân dân tỉnh',
      recipients: ['Như trên', 'Văn phòng Đoàn ĐBQH và HĐND tỉnh'],
      signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Trần Thị Ký Thay' },
      sections: [...t.body.sections].reverse().concat([
        {
          id: 'z',
          number: 'II.',
          title: 'MỤC THÊM',
          level: 1,
          blocks: [{ type: 'text', id: 'z.p1', text: 'Thêm.' }],
        },
      ]),
    };
    await ok(tinh.inject('PATCH', `/api/v1/reports/${report.id}`, own));
    await ok(tinh.inject('POST', `/api/v1/reports/${report.id}/issue`, { acceptMissing: true }));
    const p = await ok<ReportPreview>(tinh.inject('GET', `/api/v1/reports/${report.id}/preview`));
    expect(p.header).toMatchObject({
      summary: own.summary,
      addressee: own.addressee,
      signerAuthority: 'KT. GIÁM ĐỐC',
      signerTitle: 'PHÓ GIÁM ĐỐC',
      signerName: 'Trần Thị Ký Thay',
    });
    expect(p.header.recipients.slice(0, 2)).toEqual(own.recipients);
    expect(p.sections.map((s) => s.title)).toEqual(['KẾT QUẢ', 'MỤC THÊM']);
    // Issued: the header is frozen, and a new template version does not reach it.
    expectProblem(await tinh.inject('PATCH', `/api/v1/reports/${report.id}`, { signer: null }), 409, 'REPORT_ISSUED');
    await ok(
      tinh.inject('PUT', `/api/v1/reports/templates/${t.code}`, {
        ...saveBody(t),
        body: { ...t.body, summary: 'Khác' },
      }),
    );
    const again = await ok<ReportPreview>(tinh.inject('GET', `/api/v1/reports/${report.id}/preview`));
    expect(again.header).toEqual(p.header);
    // The agency's signer for a draft that names none.
    const draft = await ok<ReportOut>(
      tinh.inject('POST', '/api/v1/reports', { templateCode: t.code, year: 2025 }),
      201,
    );
    const agency = await ctx.services.reports.agency('70');
    const dp = await ok<ReportPreview>(tinh.inject('GET', `/api/v1/reports/${draft.id}/preview`));
    expect(dp.header.signerName).toBe(agency.signerName);
  });

  it('refuses a template or a report whose figures are written wrong, saying where, in Vietnamese', async () => {
    const ctx = await createTestContext();
    onTestFinished(() => ctx.close());
    const tinh = await ctx.login('tinh.chuyenvien');
    const t = await buildReportTemplate(ctx);
    const bad = saveBody(t);
    bad.body = {
      ...t.body,
      sections: [
        {
          ...t.body.sections[0]!,
          blocks: [
            {
              type: 'text',
              id: 'a.p1',
              text: 'Chi {programs.amount_paid|dong} cho {programs.persons_paid(group=xyz)}.',
            },
          ],
        },
      ],
    };
    const res = expectProblem(
      await tinh.inject('PUT', `/api/v1/reports/templates/${t.code}`, bad),
      400,
      'VALIDATION_FAILED',
    );
    expect(res.message).toContain('Mẫu báo cáo có chỉ tiêu viết chưa đúng');
    const problems = res.details!;
    expect(problems.map((p) => p.path)).toEqual(['body.body.a.p1', 'body.body.a.p1']);
    expect(problems[0]!.message).toContain('ghi rõ chương trình hoặc nhóm');
    expect(problems[1]!.message).toContain('Không có nhóm chương trình "xyz"');
    // Nothing saved: still version 1.
    expect((await ok<TemplateOut>(tinh.inject('GET', `/api/v1/reports/templates/${t.code}`))).version).toBe(1);
    // The shape: a code not in the form asked, no section; a code already taken.
    const create = (over: object) =>
      tinh.inject('POST', '/api/v1/reports/templates', { code: 'mau-moi', ...saveBody(t), ...over });
    expectProblem(await create({ code: 'Mẫu Mới' }), 400, 'VALIDATION_FAILED');
    expectProblem(await create({ body: { ...t.body, sections: [] } }), 400, 'VALIDATION_FAILED');
    expectProblem(await create({ code: t.code }), 409, 'TEMPLATE_CODE_TAKEN');
    // A duplicate block id would make two paragraphs one.
    const twice = { ...t.body, sections: [t.body.sections[0]!, { ...t.body.sections[0]!, id: 'b' }] };
    expectProblem(await create({ body: twice }), 400, 'VALIDATION_FAILED');
    // A report's own sections are checked the same way.
    const r = await ok<ReportOut>(tinh.inject('POST', '/api/v1/reports', { templateCode: t.code, year: 2025 }), 201);
    expectProblem(
      await tinh.inject('PATCH', `/api/v1/reports/${r.id}`, { sections: bad.body.sections }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('lets only the Department edit templates; districts read them', async () => {
    const ctx = await createTestContext();
    onTestFinished(() => ctx.close());
    const t = await buildReportTemplate(ctx);
    const huyen = await ctx.login('huyen.689');
    await ok<TemplateOut>(huyen.inject('GET', `/api/v1/reports/templates/${t.code}`));
    expectProblem(await huyen.inject('PUT', `/api/v1/reports/templates/${t.code}`, saveBody(t)), 403, 'FORBIDDEN');
    const leader = await ctx.login('tinh.lanhdao');
    expect(
      (await ok<TemplateOut>(leader.inject('PUT', `/api/v1/reports/templates/${t.code}`, saveBody(t)))).version,
    ).toBe(2);
  });
});

import type { CreateTemplateBody, ReportBody, SaveTemplateBody, TemplateOut } from '@ansinh/domain';
import { systemActor, type Actor } from '../../../platform/actor.js';
import { agencyInScope, agencyScope, provinceScope } from '../../../platform/authz.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors, isUniqueViolation } from '../../../platform/errors.js';
import type { Executor } from '../../../db/database.js';
import { reportsPolicy } from '../reports.policy.js';
import { presentTemplate } from '../reports.presenter.js';
import { REPORT_TEMPLATES } from '../reports.templates.js';
import { validateTemplate } from '../reports.validate.js';
import { templatesRepo } from '../repo/templates.repo.js';
import type { ReportsContext } from './context.js';

const WHAT = 'Mẫu báo cáo';

/** Zod already checked the shape; the figures are checked here, each problem with where it is. */
function checkFigures(body: SaveTemplateBody['body']) {
  const problems = validateTemplate(body);
  if (problems.length > 0)
    throw errors.validation(
      problems.map((p) => ({ path: `body.body.${p.path}`, message: `${p.placeholder}: ${p.message}` })),
      'Mẫu báo cáo có chỉ tiêu viết chưa đúng. Sửa các chỗ được nêu rồi lưu lại.',
    );
  const ids = new Set<string>();
  for (const s of body.sections)
    for (const id of [s.id, ...s.blocks.map((b) => b.id)]) {
      if (ids.has(id))
        throw errors.validation([
          { path: `body.body.${id}`, message: `Mã mục/đoạn "${id}" bị trùng; mỗi mục, đoạn cần một mã riêng.` },
        ]);
      ids.add(id);
    }
}

/**
 * Report templates as each province's data (issue 19, docs/modules/reports.md "Templates"): the
 * templates AnSinh ships are loaded for a province at its first use; the Department's officers
 * create templates and save new versions (each save is a version; a report keeps the version it
 * was made from) and archive those no longer used. Every save passes `validateTemplate`.
 */
export function reportTemplates(c: ReportsContext) {
  const { database, db } = c;

  /** Loads the shipped templates the province does not have yet (an archived one stays archived). */
  async function ensureShipped(provinceCode: string): Promise<void> {
    const have = await templatesRepo.codes(db, provinceCode);
    const missing = REPORT_TEMPLATES.filter((t) => !have.has(t.code));
    if (missing.length === 0) return;
    try {
      await inTransaction(database, systemActor('reports'), async (trx) => {
        for (const t of missing) await insertTemplate(trx, provinceCode, 'system', { ...t, agencyCode: null }, 1);
      });
    } catch (err) {
      // Two first uses at once: the other one loaded them.
      if (!isUniqueViolation(err)) throw err;
    }
  }

  async function insertTemplate(
    trx: Executor,
    provinceCode: string,
    by: string,
    t: Omit<CreateTemplateBody, 'body'> & { body: ReportBody },
    shipped: 0 | 1,
  ): Promise<number> {
    const at = nowIso();
    const id = await templatesRepo.insert(trx, {
      province_code: provinceCode,
      agency_code: t.agencyCode ?? null,
      code: t.code,
      name_vi: t.nameVi,
      name_en: t.nameEn,
      period: t.period,
      title_pattern: t.titlePattern,
      version: 1,
      shipped,
      archived_at: null,
      created_by: by,
      created_at: at,
      updated_by: by,
      updated_at: at,
    });
    await templatesRepo.insertVersion(trx, {
      template_id: id,
      province_code: provinceCode,
      version: 1,
      name_vi: t.nameVi,
      name_en: t.nameEn,
      period: t.period,
      title_pattern: t.titlePattern,
      body_json: JSON.stringify(t.body),
      created_by: by,
      created_at: at,
    });
    return id;
  }

  /** The province a template request is about: the actor's (the system actor names one). */
  function provinceOf(actor: Actor, provinceCode?: string): string {
    const p = provinceScope(actor) ?? provinceCode;
    if (!p) throw errors.badRequest('PROVINCE_REQUIRED', 'Chọn tỉnh của mẫu báo cáo.');
    return p;
  }

  /** A template of the province with the body of a version (its current one by default); 404 when none. */
  async function load(actor: Actor, provinceCode: string, code: string, version?: number) {
    await ensureShipped(provinceCode);
    const t = await templatesRepo.find(db, provinceCode, code);
    // Another agency's template answers as if it did not exist (docs/modules/agencies.md).
    if (!t || !agencyInScope(actor, t.agency_code)) throw errors.notFound(WHAT);
    const v = await templatesRepo.version(db, Number(t.id), version ?? Number(t.version));
    if (!v) throw errors.notFound(`Phiên bản ${version} của mẫu báo cáo`);
    return { t, v };
  }

  async function get(actor: Actor, code: string, provinceCode?: string): Promise<TemplateOut> {
    const p = provinceOf(actor, provinceCode);
    reportsPolicy.guard(actor, 'read', { provinceCode: p }, WHAT);
    const { t, v } = await load(actor, p, code);
    return presentTemplate(t, v.body_json);
  }

  return {
    /** The province's templates (live, or archived ones when asked), each with its current body. */
    async templates(actor: Actor, q: { archived?: 'true' | 'false' | undefined } = {}, provinceCode?: string) {
      const p = provinceOf(actor, provinceCode);
      reportsPolicy.guard(actor, 'read', { provinceCode: p }, WHAT);
      await ensureShipped(p);
      const rows = await templatesRepo.list(db, p, q.archived === 'true', agencyScope(actor));
      const bodies = new Map(
        (await templatesRepo.currentBodies(db, p)).map((b) => [Number(b.template_id), b.body_json]),
      );
      return { items: rows.map((t) => presentTemplate(t, bodies.get(Number(t.id)) ?? '{}')) };
    },

    template: get,

    /** The saved versions of a template, the newest first. */
    async templateVersions(actor: Actor, code: string) {
      const p = provinceOf(actor);
      reportsPolicy.guard(actor, 'read', { provinceCode: p }, WHAT);
      const { t } = await load(actor, p, code);
      const rows = await templatesRepo.versions(db, Number(t.id));
      return {
        items: rows.map((r) => ({
          version: Number(r.version),
          createdBy: r.created_by,
          createdAt: String(r.created_at),
        })),
      };
    },

    /** The template and version a new report of the province starts from (live templates only). */
    async forReport(actor: Actor, provinceCode: string, code: string) {
      await ensureShipped(provinceCode);
      const t = await templatesRepo.find(db, provinceCode, code);
      if (!t || t.archived_at !== null || !agencyInScope(actor, t.agency_code))
        throw errors.validation([
          { path: 'body.templateCode', message: `Không có mẫu báo cáo ${code} đang dùng; chọn mẫu khác.` },
        ]);
      const v = await templatesRepo.version(db, Number(t.id), Number(t.version));
      return { template: presentTemplate(t, v!.body_json), version: Number(t.version) };
    },

    /** A new template of the actor's province, at version 1. */
    async createTemplate(actor: Actor, body: CreateTemplateBody, provinceCode?: string): Promise<TemplateOut> {
      const p = provinceOf(actor, provinceCode);
      reportsPolicy.guard(actor, 'edit_template', { provinceCode: p }, WHAT);
      checkFigures(body.body);
      await ensureShipped(p);
      if (await templatesRepo.find(db, p, body.code))
        throw errors.conflict('TEMPLATE_CODE_TAKEN', `Mã mẫu "${body.code}" đã có trong tỉnh; chọn mã khác.`, [
          { path: 'body.code', message: 'Mã mẫu đã được dùng.' },
        ]);
      await inTransaction(database, actor, async (trx, audit) => {
        // An officer's template belongs to their agency; an account without one names it (or none).
        const agencyCode = actor.agencyCode ?? body.agencyCode ?? null;
        const id = await insertTemplate(trx, p, actor.username, { ...body, agencyCode }, 0);
        await audit({
          action: 'reports.template.create',
          entity: 'report_template',
          entityId: id,
          areaCode: p,
          after: { code: body.code, version: 1, sections: body.body.sections.length },
        });
      });
      return get(actor, body.code, p);
    },

    /** Saves a template as its next version; reports made from earlier versions keep theirs. */
    async updateTemplate(actor: Actor, code: string, body: SaveTemplateBody, provinceCode?: string) {
      const p = provinceOf(actor, provinceCode);
      reportsPolicy.guard(actor, 'edit_template', { provinceCode: p }, WHAT);
      const { t } = await load(actor, p, code);
      if (t.archived_at !== null)
        throw errors.conflict('TEMPLATE_ARCHIVED', 'Mẫu báo cáo đã lưu trữ; khôi phục mẫu trước khi sửa.');
      checkFigures(body.body);
      const from = Number(t.version);
      await inTransaction(database, actor, async (trx, audit) => {
        const at = nowIso();
        const set = {
          name_vi: body.nameVi,
          name_en: body.nameEn,
          period: body.period,
          title_pattern: body.titlePattern,
          updated_by: actor.username,
          updated_at: at,
        };
        if (!(await templatesRepo.bump(trx, Number(t.id), from, set)))
          throw errors.conflict('TEMPLATE_CHANGED', 'Mẫu vừa được người khác lưu; tải lại mẫu rồi sửa tiếp.');
        await templatesRepo.insertVersion(trx, {
          template_id: Number(t.id),
          province_code: p,
          version: from + 1,
          name_vi: body.nameVi,
          name_en: body.nameEn,
          period: body.period,
          title_pattern: body.titlePattern,
          body_json: JSON.stringify(body.body),
          created_by: actor.username,
          created_at: at,
        });
        await audit({
          action: 'reports.template.version',
          entity: 'report_template',
          entityId: Number(t.id),
          areaCode: p,
          before: { version: from },
          after: { code, version: from + 1, sections: body.body.sections.length },
        });
      });
      return get(actor, code, p);
    },

    /** Archives a template (no new reports from it) or brings it back. */
    async archiveTemplate(actor: Actor, code: string, archived: boolean, provinceCode?: string) {
      const p = provinceOf(actor, provinceCode);
      reportsPolicy.guard(actor, 'edit_template', { provinceCode: p }, WHAT);
      const { t } = await load(actor, p, code);
      await inTransaction(database, actor, async (trx, audit) => {
        await templatesRepo.setArchived(trx, Number(t.id), archived ? nowIso() : null, actor.username);
        await audit({
          action: archived ? 'reports.template.archive' : 'reports.template.restore',
          entity: 'report_template',
          entityId: Number(t.id),
          areaCode: p,
          after: { code, archived },
        });
      });
      return get(actor, code, p);
    },
  };
}

export type ReportTemplates = ReturnType<typeof reportTemplates>;

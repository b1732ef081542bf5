import type { CreateProgramBody, ProgramOut } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { agencyScope, provinceOf, provinceScope } from '../../../platform/authz.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors, isUniqueViolation } from '../../../platform/errors.js';
import { programsPolicy } from '../programs.policy.js';
import { presentProgram } from '../programs.presenter.js';
import { programsRepo } from '../repo/programs.repo.js';
import { loadProgram, type ProgramsDeps } from './load.js';

/** Options of createProgram for seeds and the CLI: demo data, and the province the system creates it in. */
export interface CreateProgramOptions {
  isDemo?: boolean;
  /** The province of the program; a user's own province is used when omitted (required for the system). */
  provinceCode?: string;
  /** The agency of the program (the system names it; a user's program is their agency's). */
  agencyCode?: string | null;
}

/**
 * The catalogue of programs, one per province: list, read, create (with its first rule) and add a
 * rule from a date (the previous open rule ends the day before).
 */
export function manageProgramsUseCases({ database }: ProgramsDeps) {
  const db = database.db;

  async function getProgram(actor: Actor, id: number): Promise<ProgramOut> {
    const p = await loadProgram(db, actor, id, 'read');
    return presentProgram(p, await programsRepo.rulesOf(db, [p.id]));
  }

  return {
    async listPrograms(actor: Actor): Promise<{ items: ProgramOut[] }> {
      programsPolicy.guard(actor, 'read');
      const rows = await programsRepo.list(db, provinceScope(actor), agencyScope(actor));
      const rules = await programsRepo.rulesOf(
        db,
        rows.map((p) => p.id),
      );
      return {
        items: rows.map((p) =>
          presentProgram(
            p,
            rules.filter((r) => r.program_id === p.id),
          ),
        ),
      };
    },

    getProgram,

    async createProgram(actor: Actor, body: CreateProgramBody, opts: CreateProgramOptions = {}): Promise<ProgramOut> {
      const provinceCode = actor.kind === 'system' ? opts.provinceCode : provinceOf(actor);
      if (!provinceCode)
        throw errors.validation([{ path: 'provinceCode', message: 'Chọn tỉnh của chương trình (mã tỉnh).' }]);
      programsPolicy.guard(actor, 'manage', { provinceCode });
      if (body.periodTo && body.periodTo < body.periodFrom)
        throw errors.validation([{ path: 'body.periodTo', message: 'Ngày kết thúc phải sau ngày bắt đầu.' }]);
      if (body.kind === 'in_kind' && body.rule.amount.type !== 'quantity') {
        throw errors.validation([
          {
            path: 'body.rule.amount',
            message: 'Chương trình hiện vật: mức hỗ trợ phải là số lượng (ví dụ 15 kg/người).',
          },
        ]);
      }
      const id = await inTransaction(database, actor, async (trx, audit) => {
        const now = nowIso();
        try {
          const id = await programsRepo.insert(trx, {
            code: body.code,
            name: body.name,
            legal_basis: body.legalBasis,
            legal_date: body.legalDate ?? null,
            kind: body.kind,
            unit: body.unit,
            per: body.rule.eligibility.per,
            period_kind: body.periodKind,
            ref_date: body.refDate,
            period_from: body.periodFrom,
            period_to: body.periodTo ?? null,
            budget: body.budget ?? null,
            funding_source: body.fundingSource ?? null,
            group_code: body.group ?? null,
            is_demo: opts.isDemo ? 1 : 0,
            list_by_import: body.listByImport ? 1 : 0,
            province_code: provinceCode,
            agency_code: (actor.kind === 'system' ? opts.agencyCode : actor.agencyCode) ?? null,
            created_at: now,
            updated_at: now,
          });
          await programsRepo.insertRule(trx, {
            program_id: id,
            valid_from: body.rule.validFrom,
            valid_to: body.rule.validTo ?? null,
            eligibility_json: JSON.stringify(body.rule.eligibility),
            amount_json: JSON.stringify(body.rule.amount),
            note: body.rule.note ?? null,
            province_code: provinceCode,
            created_at: now,
          });
          await audit({ action: 'program.create', entity: 'program', entityId: id, after: body });
          return id;
        } catch (err) {
          if (isUniqueViolation(err))
            throw errors.conflict('PROGRAM_CODE_TAKEN', `Mã chương trình ${body.code} đã có. Chọn mã khác.`);
          throw err;
        }
      });
      return getProgram(actor, id);
    },

    /** Add a rule from a date (the previous open rule ends the day before). */
    async addRule(actor: Actor, programId: number, rule: CreateProgramBody['rule']): Promise<ProgramOut> {
      await inTransaction(database, actor, async (trx, audit) => {
        const p = await loadProgram(trx, actor, programId, 'manage');
        if (rule.eligibility.per !== p.per)
          throw errors.validation([
            { path: 'body.eligibility.per', message: 'Không đổi được đối tượng hưởng (người/hộ) của chương trình.' },
          ]);
        const prev = new Date(`${rule.validFrom}T00:00:00Z`);
        prev.setUTCDate(prev.getUTCDate() - 1);
        await programsRepo.closeOpenRule(trx, programId, rule.validFrom, prev.toISOString().slice(0, 10));
        await programsRepo.insertRule(trx, {
          program_id: programId,
          valid_from: rule.validFrom,
          valid_to: rule.validTo ?? null,
          eligibility_json: JSON.stringify(rule.eligibility),
          amount_json: JSON.stringify(rule.amount),
          note: rule.note ?? null,
          province_code: p.province_code,
          created_at: nowIso(),
        });
        await audit({ action: 'program.rule', entity: 'program', entityId: programId, after: rule });
      });
      return getProgram(actor, programId);
    },
  };
}

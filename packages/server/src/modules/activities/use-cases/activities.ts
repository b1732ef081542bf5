import {
  ActivityBody,
  validateActivity,
  type ActivitiesQuery,
  type ActivityOut,
  type ActivityPage,
} from '@ansinh/domain';
import type { Database, Executor } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { codesOfCommune, scopePattern } from '../../../platform/authz.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import type { AreasService } from '../../areas/index.js';
import { activitiesPolicy } from '../activities.policy.js';
import { presentActivity } from '../activities.presenter.js';
import { activitiesRepo, type ActivityRow } from '../repo/activities.repo.js';

/** What the activities use cases need: the database and the area tree. */
export interface ActivitiesDeps {
  readonly database: Database;
  readonly areas: Pick<AreasService, 'pathOf'>;
}

const WHAT = 'Hoạt động';

/** The area columns of a record in the named area (a commune, a district or the province). */
async function areaColumns(deps: ActivitiesDeps, actor: Actor, areaCode: string | undefined) {
  const code = areaCode ?? actor.areaCode;
  if (!code) throw errors.validation([{ path: 'body.areaCode', message: 'Chọn xã, huyện hoặc tỉnh của hoạt động.' }]);
  const a = await deps.areas.pathOf(code);
  if (!a) throw errors.notFound('Đơn vị hành chính');
  const parts = a.path.split('/').filter(Boolean);
  if (a.level === 1) return { area_path: a.path, province_code: parts[0]!, district_code: null, commune_code: null };
  if (a.level === 2)
    return { area_path: a.path, province_code: parts[0]!, district_code: parts[1]!, commune_code: null };
  return { area_path: a.path, ...codesOfCommune(code, a.path) };
}

async function load(ex: Executor, actor: Actor, id: number, action: 'read' | 'record'): Promise<ActivityRow> {
  const a = await activitiesRepo.get(ex, id);
  if (!a) throw errors.notFound(WHAT);
  activitiesPolicy.guard(actor, action, { areaPath: a.area_path }, WHAT);
  return a;
}

function parse(body: ActivityBody) {
  const b = ActivityBody.parse(body);
  const problems = validateActivity(b);
  if (problems.length) throw errors.validation(problems);
  return {
    b,
    fields: {
      kind: b.kind,
      topic: b.topic,
      title: b.title,
      start_date: b.startDate,
      end_date: b.endDate,
      place: b.place,
      organiser: b.organiser,
      target_group: b.targetGroup,
      participants_total: b.participantsTotal,
      participants_female: b.participantsFemale,
      participant_groups: JSON.stringify(b.groups),
      cost: b.cost,
      note: b.note,
    },
  };
}

const areaCodeOf = (r: { province_code: string; district_code: string | null; commune_code: string | null }) =>
  r.commune_code ?? r.district_code ?? r.province_code;

/**
 * Trainings, communication campaigns, conferences and inspections: "N lớp, M người" in a year's
 * report come from these records (activities.indicators.ts).
 */
export function activitiesUseCases(deps: ActivitiesDeps) {
  const { database } = deps;
  return {
    async listActivities(actor: Actor, q: ActivitiesQuery): Promise<ActivityPage> {
      activitiesPolicy.guard(actor, 'read');
      const r = await activitiesRepo.page(
        database.db,
        { scope: scopePattern(actor), kind: q.kind, topic: q.topic, from: q.from, to: q.to },
        { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
      );
      return {
        items: r.rows.map(presentActivity),
        total: r.total,
        page: q.page,
        pageSize: q.pageSize,
        abilities: activitiesPolicy.abilities(actor),
      };
    },

    async getActivity(actor: Actor, id: number): Promise<ActivityOut> {
      return presentActivity(await load(database.db, actor, id, 'read'));
    },

    async recordActivity(actor: Actor, body: ActivityBody): Promise<ActivityOut> {
      const { b, fields } = parse(body);
      const area = await areaColumns(deps, actor, b.areaCode);
      activitiesPolicy.guard(actor, 'record', { areaPath: area.area_path }, 'Đơn vị hành chính');
      return inTransaction(database, actor, async (trx, audit) => {
        const now = nowIso();
        const row = await activitiesRepo.insert(trx, {
          ...area,
          ...fields,
          created_by: actor.username,
          created_at: now,
          updated_at: now,
        });
        await audit({
          action: 'activities.create',
          entity: 'activities',
          entityId: row.id,
          areaCode: areaCodeOf(area),
          after: fields,
        });
        return presentActivity(row);
      });
    },

    /** Correct an activity; its area stays (record it again in the right area otherwise). */
    async updateActivity(actor: Actor, id: number, body: ActivityBody): Promise<ActivityOut> {
      const { fields } = parse(body);
      return inTransaction(database, actor, async (trx, audit) => {
        const a = await load(trx, actor, id, 'record');
        const row = await activitiesRepo.update(trx, a.id, { ...fields, updated_at: nowIso() });
        await audit({
          action: 'activities.update',
          entity: 'activities',
          entityId: a.id,
          areaCode: areaCodeOf(a),
          before: a,
          after: fields,
        });
        return presentActivity(row);
      });
    },

    async removeActivity(actor: Actor, id: number): Promise<{ ok: true }> {
      return inTransaction(database, actor, async (trx, audit) => {
        const a = await load(trx, actor, id, 'record');
        await activitiesRepo.remove(trx, a.id);
        await audit({
          action: 'activities.delete',
          entity: 'activities',
          entityId: a.id,
          areaCode: areaCodeOf(a),
          before: a,
        });
        return { ok: true as const };
      });
    },
  };
}

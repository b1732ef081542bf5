import type { Services } from '../app.js';
import type { Database } from '../db/database.js';
import { systemActor } from '../platform/actor.js';
import { recordAudit } from '../platform/audit.js';
import { createDossiersService } from '../modules/dossiers/index.js';
import { procedureColumns, proceduresRepo } from '../modules/dossiers/repo/procedures.repo.js';
import { DEMO_CATALOGUE } from './dossiers-catalogue.js';

/** A small deterministic generator (mulberry32), so the demo is the same on every start. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Demo records of the dossiers module for the demo province: the demo procedure catalogue of
 * the province (always, one insert), and when the registry has people, a few hundred dossiers received
 * through the current year, replayed through the service with a moving clock so every one has
 * a real timeline (some settled early, on time or late, some pending or overdue).
 */
export async function seedDossiersDemo(
  database: Database,
  services: Services,
  opts: { provinceCode: string; seed: number },
): Promise<void> {
  const db = database.db;
  const existing = await db
    .selectFrom('procedures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('province_code', '=', opts.provinceCode)
    .executeTakeFirstOrThrow();
  if (Number(existing.n) === 0) {
    const at = new Date().toISOString();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('procedures')
        .values(
          DEMO_CATALOGUE.map((b) => ({
            ...procedureColumns({ ...b, active: true }),
            province_code: opts.provinceCode,
            is_demo: 1,
            created_at: at,
            updated_at: at,
          })),
        )
        .execute();
      // The demo catalogue as it stood from 2020: the 2021 report counts it (docs/modules/reports.md).
      await proceduresRepo.versionAll(trx, opts.provinceCode, '2020-01-01', at);
      await recordAudit(trx, database.dialect, systemActor('seed'), {
        action: 'procedure.import',
        entity: 'procedure',
        after: { demo: DEMO_CATALOGUE.length },
      });
    });
  }

  const persons = await db
    .selectFrom('persons')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(persons.n) === 0) return;
  const already = await db
    .selectFrom('dossiers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(already.n) > 0) return;

  const random = rng(opts.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const people = await db
    .selectFrom('persons')
    .select(['id', 'full_name', 'phone', 'citizen_id', 'commune_code'])
    .where('province_code', '=', opts.provinceCode)
    .where('deceased_on', 'is', null)
    .orderBy('id')
    .limit(2000)
    .execute();
  const procedures = await db
    .selectFrom('procedures')
    .select(['id', 'path_json'])
    .where('active', '=', 1)
    .where('province_code', '=', opts.provinceCode)
    .execute();
  if (!people.length || !procedures.length) return;

  let clock = new Date();
  const service = createDossiersService({
    database,
    areas: services.areas,
    now: () => clock,
    lean: true,
    channel: { name: 'none', send: async () => {} },
  });
  const actor = systemActor('seed-demo');
  const end = new Date();
  const yearStart = Date.UTC(end.getUTCFullYear(), 0, 2, 1, 0);
  const span = end.getTime() - yearStart;
  const count = 300;
  const hour = 3_600_000;
  const day = 24 * hour;
  for (let i = 0; i < count; i++) {
    const person = pick(people);
    const proc = pick(procedures);
    // Office hours (08:00–16:30 Vietnam) on a day through the year, oldest first.
    const base = yearStart + Math.floor((span * i) / count);
    clock = new Date(base - (base % day) + (1 + random() * 8.5) * hour);
    if (clock.getTime() > end.getTime()) break;
    const channel = pick(['counter', 'counter', 'online', 'online', 'post', 'assisted'] as const);
    const d = await service.receive(actor, {
      procedureId: proc.id,
      channel,
      communeCode: person.commune_code,
      personId: person.id,
      applicantName: person.full_name,
      applicantPhone: person.phone,
      applicantIdNumber: person.citizen_id,
      delivery:
        channel === 'assisted'
          ? pick(['home', 'post', 'counter'] as const)
          : channel === 'online'
            ? 'online'
            : 'counter',
      ...(channel === 'assisted' ? { assistedReason: pick(['elderly', 'disability', 'illness'] as const) } : {}),
    });
    // Each level takes between a third of its days and a few days more than it has.
    let cur = d;
    let ok = true;
    for (const step of d.steps) {
      const r = random();
      const days = Math.max(0, Math.round(step.days * (r < 0.08 ? 1.3 + random() : 0.3 + random() * 0.75)));
      clock = new Date(clock.getTime() + days * 1.45 * day + random() * 3 * hour);
      if (clock.getTime() > end.getTime()) {
        ok = false;
        break;
      }
      if (r > 0.97 && cur.state === 'processing') {
        cur = await service.requestSupplement(actor, d.id, 'Bản sao giấy khai sinh có chứng thực', '');
        clock = new Date(clock.getTime() + 3 * day);
        if (clock.getTime() > end.getTime()) {
          ok = false;
          break;
        }
        cur = await service.supplied(actor, d.id, '');
      }
      cur =
        step.seq < d.steps.length
          ? await service.forward(actor, d.id, '')
          : await service.result(actor, d.id, { outcomeNote: 'Đồng ý' });
    }
    if (ok && cur.state === 'result_ready') {
      // Most results are collected within a few days; some wait at the counter.
      clock = new Date(clock.getTime() + random() * 4 * day);
      if (clock.getTime() <= end.getTime() && random() < 0.9) await service.returnResult(actor, d.id, '');
    } else if (ok && random() < 0.02) await service.withdraw(actor, d.id, 'Người dân đề nghị rút hồ sơ');
    else if (!ok && cur.state === 'processing' && random() < 0.25) {
      clock = new Date(end.getTime() - 60_000);
      await service.requestSupplement(actor, d.id, 'Giấy xác nhận của trưởng ấp', '');
    }
  }
}

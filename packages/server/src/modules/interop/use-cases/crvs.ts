import { createHash, randomBytes } from 'node:crypto';
import { normalizeCitizenId } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { systemActor } from '../../../platform/actor.js';
import { areaColumnScope } from '../../../platform/authz.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { DciError, newCorrelationId, nowTs, RECEIVER_ID, type Envelope } from '../interop.envelope.js';
import { interopPolicy } from '../interop.policy.js';
import { crvsRepo, type CrvsEventRow } from '../repo/crvs.repo.js';
import { partnersRepo } from '../repo/partners.repo.js';
import { registryReaderRepo } from '../repo/registry-reader.repo.js';
import { toPartner, type InteropDeps, type Partner } from './shared.js';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const ID_TYPES = new Set(['UIN', 'NIN', 'CCCD', 'NATIONALID', 'NATIONAL_ID', 'VN_CCCD']);

/** The CRVS partner behind a notify address (`/api/v1/dci/crvs/<secret>/…`). */
export async function crvsPartnerByPath(deps: InteropDeps, secret: string): Promise<Partner> {
  const row = secret ? await partnersRepo.byInboundHash(deps.database.db, sha256(secret)) : undefined;
  if (!row || !row.active || row.kind !== 'crvs')
    throw new DciError(401, 'err.request.unauthorized', 'Unknown notify address');
  return toPartner(row);
}

/**
 * Subscribe to a CRVS registry's death and birth events (SPDCI subscribe). A new secret notify
 * address is issued each time (its hash is kept): the registry calls back there.
 */
export async function crvsSubscribe(deps: InteropDeps, clientId: string) {
  const row = await partnersRepo.byClientId(deps.database.db, clientId);
  if (!row || row.kind !== 'crvs' || !row.base_url) throw errors.notFound('Đối tác hộ tịch');
  const secret = randomBytes(24).toString('base64url');
  await partnersRepo.setInboundHash(deps.database.db, Number(row.id), sha256(secret));
  const notifyBase = `${deps.publicUrl.replace(/\/$/, '')}/api/v1/dci/crvs/${secret}`;
  const now = nowTs();
  const body = {
    signature: '',
    header: {
      version: '1.0.0',
      message_id: newCorrelationId(),
      message_ts: now,
      action: 'subscribe',
      sender_id: RECEIVER_ID,
      sender_uri: `${notifyBase}/registry/on-subscribe`,
      receiver_id: row.client_id,
      total_count: 2,
    },
    message: {
      transaction_id: newCorrelationId(),
      subscribe_request: ['Death', 'LiveBirth'].map((ev, i) => ({
        reference_id: `ansinh-${row.province_code}-${ev.toLowerCase()}-${i}`,
        timestamp: now,
        subscribe_criteria: {
          reg_type: 'ns:org:RegistryType:CRVS',
          reg_event_type: `spdci-common:RegistryEventType:${ev}`,
          filter: {
            type: 'ns:org:QueryType:expression',
            value: { expression: { collection: 'Person', query: { province_code: { $eq: row.province_code } } } },
          },
          notify_record_type: 'Person',
        },
      })),
    },
  };
  const status = await deps.post(`${row.base_url.replace(/\/$/, '')}/registry/subscribe`, body);
  return { status, notifyUri: `${notifyBase}/registry/notify` };
}

function identifierOf(rec: Record<string, unknown>): string | null {
  const ids = ([] as unknown[]).concat(rec.identifier ?? [], rec.identifiers ?? []);
  for (const i of ids as { identifier_type?: unknown; identifier_value?: unknown }[]) {
    if (i && ID_TYPES.has(String(i.identifier_type ?? '').toUpperCase()) && i.identifier_value)
      return normalizeCitizenId(String(i.identifier_value));
  }
  return null;
}

function nameOf(rec: Record<string, unknown>): string | null {
  const n = rec.name as { surname?: string; given_name?: string; second_name?: string } | string | undefined;
  if (!n) return null;
  if (typeof n === 'string') return n;
  return [n.surname, n.second_name, n.given_name].filter(Boolean).join(' ') || null;
}

const dateOf = (v: unknown): string | null =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null;

/**
 * A CRVS notification: each event is stored once (partner + event id: a repeated callback
 * changes nothing); a death of a person AnSinh knows becomes a proposal in the commune's queue,
 * one it does not know is kept for the province to review; births are kept for review.
 */
export async function receiveCrvsNotify(deps: InteropDeps, partner: Partner, env: Envelope) {
  const events = env.message.notify_event;
  if (!Array.isArray(events)) throw new DciError(400, 'err.request.bad', 'message.notify_event must be a list');
  const actor = systemActor(`crvs:${partner.clientId}`);
  let added = 0;
  let repeated = 0;
  await inTransaction(deps.database, actor, async (trx, audit) => {
    for (const ev of events as { reference_id?: unknown; data?: Record<string, unknown> }[]) {
      const ref = String(ev?.reference_id ?? '') || sha256(JSON.stringify(ev));
      const type = String(ev?.data?.reg_event_type ?? '');
      const kind = /death/i.test(type) ? 'death' : /birth/i.test(type) ? 'birth' : 'other';
      const records = ([] as unknown[]).concat(ev?.data?.reg_records ?? []) as Record<string, unknown>[];
      for (const [i, rec] of records.entries()) {
        const citizenId = identifierOf(rec);
        const person =
          kind === 'death' && citizenId
            ? await registryReaderRepo.personByCitizenId(trx, partner.provinceCode, citizenId)
            : undefined;
        const state =
          kind !== 'death' ? 'review' : !person ? 'unmatched' : person.deceased_on ? 'already_recorded' : 'proposed';
        const fresh = await crvsRepo.insertOnce(trx, {
          partner_id: partner.id,
          event_id: i === 0 ? ref : `${ref}#${i}`,
          event_type: kind,
          citizen_id: citizenId,
          full_name: nameOf(rec),
          event_date: dateOf(rec.death_date) ?? dateOf(rec.birth_date) ?? dateOf(rec.date_of_death),
          payload: JSON.stringify(rec).slice(0, 20_000),
          state,
          person_id: person ? Number(person.id) : null,
          province_code: partner.provinceCode,
          district_code: person?.district_code ?? null,
          commune_code: person?.commune_code ?? null,
          received_at: nowIso(),
        });
        if (!fresh) {
          repeated++;
          continue;
        }
        added++;
        await audit({
          action: 'interop.crvs.received',
          entity: 'interop_crvs_event',
          entityId: i === 0 ? ref : `${ref}#${i}`,
          areaCode: person?.commune_code ?? partner.provinceCode,
          after: { kind, state, personId: person?.id ?? null },
        });
      }
    }
  });
  return { added, repeated };
}

function eventArea(e: CrvsEventRow) {
  return e.commune_code
    ? { province_code: e.province_code, district_code: e.district_code, commune_code: e.commune_code }
    : { provinceCode: e.province_code };
}

/** Notifications of the actor's area in the given states (unmatched ones have only a province). */
export async function listCrvsEvents(deps: InteropDeps, actor: Actor, states: string[]) {
  interopPolicy.guard(actor, 'crvs.read');
  return crvsRepo.list(deps.database.db, areaColumnScope(actor), states);
}

/**
 * An officer confirms a proposed death (or an unmatched one, naming the person): the person is
 * marked deceased through the registry service (its own guard and audit), so allowances stop
 * from the following month as the program rules say.
 */
export async function decideCrvsEvent(
  deps: InteropDeps,
  actor: Actor,
  id: number,
  body: { decision: 'confirm' | 'reject'; personId?: number | undefined; note?: string | undefined },
) {
  const e = await crvsRepo.byId(deps.database.db, id);
  if (!e) throw errors.notFound('Thông báo hộ tịch');
  interopPolicy.guard(actor, 'crvs.decide', eventArea(e), 'Thông báo hộ tịch');
  if (!['proposed', 'unmatched'].includes(e.state))
    throw errors.conflict('CRVS_DECIDED', 'Thông báo này đã được xử lý. Tải lại danh sách.');
  if (e.event_type !== 'death') throw errors.conflict('CRVS_NOT_DEATH', 'Chỉ thông báo khai tử mới xác nhận được.');
  const personId = body.personId ?? (e.person_id ? Number(e.person_id) : null);
  if (body.decision === 'confirm') {
    if (!personId) throw errors.badRequest('CRVS_PERSON_REQUIRED', 'Chọn người trong sổ tương ứng với thông báo này.');
    if (!e.event_date) throw errors.badRequest('CRVS_DATE_MISSING', 'Thông báo thiếu ngày mất; không xác nhận được.');
    await deps.registry.updatePerson(actor, personId, { deceasedOn: e.event_date });
  }
  await inTransaction(deps.database, actor, async (trx, audit) => {
    const state = body.decision === 'confirm' ? 'confirmed' : 'rejected';
    await crvsRepo.decide(trx, id, state, actor.username, nowIso(), personId ?? undefined);
    await audit({
      action: `interop.crvs.${body.decision}`,
      entity: 'interop_crvs_event',
      entityId: id,
      areaCode: e.commune_code ?? e.province_code,
      before: { state: e.state },
      after: { state, personId, note: body.note ?? null },
    });
  });
  return (await crvsRepo.byId(deps.database.db, id))!;
}

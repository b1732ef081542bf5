import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Dialect, Executor, Trx } from '../db/database.js';
import type { Actor } from './actor.js';

export interface AuditInput {
  action: string;
  entity: string;
  entityId?: string | number | null;
  areaCode?: string | null;
  before?: unknown;
  after?: unknown;
}

const GENESIS = '0'.repeat(64);
/** Arbitrary constant: the advisory lock that serialises appends to the chain on PostgreSQL. */
const PG_AUDIT_LOCK = 727_274_1;

/** JSON with sorted keys, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value as object).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export interface ChainedFields {
  at: string;
  actor_id: number | null;
  actor_username: string | null;
  ip: string | null;
  request_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  area_code: string | null;
  before_json: string | null;
  after_json: string | null;
}

/** hash = sha256(prev_hash + every field of the event); editing any field breaks the chain. */
export function eventHash(prevHash: string, e: ChainedFields): string {
  const parts = [
    prevHash,
    e.at,
    e.actor_id ?? '',
    e.actor_username ?? '',
    e.ip ?? '',
    e.request_id ?? '',
    e.action,
    e.entity,
    e.entity_id ?? '',
    e.area_code ?? '',
    e.before_json ?? '',
    e.after_json ?? '',
  ];
  return createHash('sha256').update(parts.join('\u001f')).digest('hex');
}

/**
 * Append an event to the hash-chained audit log inside the caller's transaction, so the change
 * and its record commit or roll back together (after Outline and Documenso). Personal data
 * should be passed already reduced to what an auditor needs.
 */
export async function recordAudit(trx: Trx, dialect: Dialect, actor: Actor, input: AuditInput): Promise<void> {
  if (dialect === 'postgres') {
    await sql`select pg_advisory_xact_lock(${PG_AUDIT_LOCK})`.execute(trx);
  }
  const head = await trx
    .selectFrom('audit_head')
    .select(['last_id', 'last_hash', 'count'])
    .where('id', '=', 1)
    .executeTakeFirst();
  const prevHash = head?.last_hash ?? GENESIS;
  const fields: ChainedFields = {
    at: new Date().toISOString(),
    actor_id: actor.userId,
    actor_username: actor.username,
    ip: actor.ip,
    request_id: actor.requestId,
    action: input.action,
    entity: input.entity,
    entity_id: input.entityId === undefined || input.entityId === null ? null : String(input.entityId),
    area_code: input.areaCode ?? null,
    before_json: canonicalJson(input.before),
    after_json: canonicalJson(input.after),
  };
  const hash = eventHash(prevHash, fields);
  const inserted = await trx
    .insertInto('audit_events')
    .values({ ...fields, prev_hash: prevHash, hash })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (head) {
    await trx
      .updateTable('audit_head')
      .set({ last_id: inserted.id, last_hash: hash, count: head.count + 1 })
      .where('id', '=', 1)
      .execute();
  } else {
    await trx.insertInto('audit_head').values({ id: 1, last_id: inserted.id, last_hash: hash, count: 1 }).execute();
  }
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  problems: string[];
}

/**
 * Walk the chain in id order (in keyset batches, so a large log is fine): every event must hash
 * to its stored hash and point at its predecessor, and the head must name the last event and the
 * count, which catches an edited, inserted or deleted event, including at the end.
 */
export async function verifyAuditChain(db: Executor): Promise<VerifyResult> {
  const problems: string[] = [];
  let prevHash = GENESIS;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const batch = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(5000)
      .execute();
    if (batch.length === 0) break;
    for (const e of batch) {
      if (e.prev_hash !== prevHash) {
        problems.push(`Sự kiện #${e.id}: không nối tiếp sự kiện trước (có sự kiện bị xoá hoặc chèn).`);
      }
      const expected = eventHash(e.prev_hash, e);
      if (expected !== e.hash) problems.push(`Sự kiện #${e.id}: nội dung đã bị sửa (mã băm không khớp).`);
      prevHash = e.hash;
      lastId = e.id;
      checked++;
    }
  }
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  if (head) {
    if (head.last_id !== lastId || head.last_hash !== prevHash) {
      problems.push(`Sự kiện cuối cùng (#${head.last_id}) không còn khớp: có sự kiện cuối bị xoá hoặc sửa.`);
    }
    if (head.count !== checked) problems.push(`Nhật ký ghi ${head.count} sự kiện nhưng chỉ còn ${checked}.`);
  } else if (checked > 0) {
    problems.push('Thiếu bản ghi đầu chuỗi (audit_head).');
  }
  return { ok: problems.length === 0, checked, problems };
}

import { parseRegistryQuery } from '@ansinh/domain';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { DciError, REG_TYPE, type Envelope } from '../interop.envelope.js';
import { groupRecord, personRecord } from '../interop.presenter.js';
import { disclosuresRepo } from '../repo/disclosures.repo.js';
import { registryReaderRepo } from '../repo/registry-reader.repo.js';
import { partnerActor, type InteropDeps, type Partner } from './shared.js';

const MAX_PAGE = 500;
const DEFAULT_PAGE = 100;

interface SearchItem {
  reference_id?: unknown;
  search_criteria?: {
    query_type?: unknown;
    query?: unknown;
    reg_record_type?: unknown;
    pagination?: { page_size?: unknown; page_number?: unknown };
  };
}

/** The purpose of the disclosure: stated in `header.meta.purpose`, or the partner's (first) agreed one. */
export function purposeOf(partner: Partner, env: Envelope): string {
  const meta = env.header.meta as { purpose?: unknown } | undefined;
  const stated = typeof meta?.purpose === 'string' ? meta.purpose : null;
  if (stated && !partner.purposes.includes(stated))
    throw new DciError(403, 'err.request.forbidden', `Purpose "${stated}" is not agreed with this partner`);
  return stated ?? partner.purposes[0] ?? 'unspecified';
}

/**
 * Search the registry for a partner: each search_request item is one query (by identifier,
 * expression or predicate) over persons or households (groups), limited in SQL to the partner's
 * area, paged, answered with only the agreed fields. Every disclosure is logged with its purpose
 * and audited in the hash-chained log, in one transaction.
 */
export async function searchRegistry(
  deps: InteropDeps,
  partner: Partner,
  env: Envelope,
  correlationId: string,
  req?: { ip?: string; requestId?: string },
) {
  const items = env.message.search_request;
  if (!Array.isArray(items) || !items.length)
    throw new DciError(400, 'err.request.bad', 'message.search_request must be a non-empty list');
  if (items.length > 20) throw new DciError(400, 'err.request.bad', 'At most 20 search requests per message');
  const purpose = purposeOf(partner, env);
  const fields = new Set(partner.fields);
  const transactionId = String(env.message.transaction_id ?? '');

  return inTransaction(deps.database, partnerActor(partner, req), async (trx, audit) => {
    const search_response = [];
    let disclosed = 0;
    for (const raw of items as SearchItem[]) {
      const reference_id = String(raw?.reference_id ?? '');
      const c = raw?.search_criteria ?? {};
      const parsed = parseRegistryQuery(c.query_type, c.query);
      const base = { reference_id, timestamp: nowIso() };
      if (!parsed.ok) {
        search_response.push({
          ...base,
          status: 'rjct',
          status_reason_code: 'rjct.search_criteria.invalid',
          status_reason_message: parsed.reason,
        });
        continue;
      }
      const size = Number(c.pagination?.page_size ?? DEFAULT_PAGE);
      const number = Number(c.pagination?.page_number ?? 1);
      if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE || !Number.isInteger(number) || number < 1) {
        search_response.push({
          ...base,
          status: 'rjct',
          status_reason_code: 'rjct.pagination.invalid',
          status_reason_message: `page_size 1..${MAX_PAGE}, page_number from 1`,
        });
        continue;
      }
      const page = { offset: (number - 1) * size, limit: size };
      let records: Record<string, unknown>[];
      let total: number;
      let recordType: string;
      if (parsed.target === 'group') {
        const r = await registryReaderRepo.searchHouseholds(trx, partner.scope, parsed.filter, page);
        const ids = r.rows.map((h) => Number(h.id));
        const members = await registryReaderRepo.membersOf(trx, ids);
        const ms = fields.has('memberships')
          ? await registryReaderRepo.memberships(
              trx,
              members.map((m) => Number(m.id)),
              ids,
            )
          : [];
        records = r.rows.map((h) => groupRecord(h, members, ms, fields));
        total = r.total;
        recordType = 'Group';
      } else {
        const r = await registryReaderRepo.searchPersons(trx, partner.scope, parsed.filter, page);
        const ms = fields.has('memberships')
          ? await registryReaderRepo.memberships(
              trx,
              r.rows.map((p) => Number(p.id)),
              [],
            )
          : [];
        records = r.rows.map((p) => personRecord(p, ms, fields));
        total = r.total;
        recordType = 'SRPerson';
      }
      disclosed += records.length;
      search_response.push({
        ...base,
        status: 'succ',
        data: { version: '1.0.0', reg_type: REG_TYPE, reg_record_type: recordType, reg_records: records },
        pagination: { page_size: size, page_number: number, total_count: total },
      });
    }
    await disclosuresRepo.insert(trx, {
      partner_id: partner.id,
      province_code: partner.provinceCode,
      action: 'search',
      purpose,
      transaction_id: transactionId || null,
      query: JSON.stringify(items.map((i: SearchItem) => i?.search_criteria ?? null)).slice(0, 4000),
      records: disclosed,
      fields: JSON.stringify(partner.fields),
      created_at: nowIso(),
    });
    await audit({
      action: 'interop.search',
      entity: 'interop_partner',
      entityId: partner.id,
      areaCode: partner.scope.code,
      after: { transactionId, correlationId, purpose, records: disclosed, queries: items.length },
    });
    return { transaction_id: transactionId, correlation_id: correlationId, search_response };
  });
}

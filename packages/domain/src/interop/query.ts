/**
 * SPDCI registry queries (docs/modules/interop.md) turned into one filter over AnSinh's registry.
 * Pure: the interop module's repo turns the filter into SQL. Attributes AnSinh does not hold
 * (poverty_score, income…) are refused, never ignored: ignoring a condition would disclose more
 * records than the partner asked for.
 */

/** The attributes a partner may query, with the names SPDCI examples use mapped onto ours. */
export type QueryAttribute =
  'citizen_id' | 'household_code' | 'location' | 'sex' | 'birth_year' | 'age' | 'membership' | 'group_size';

export type QueryOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'in';

export interface QueryClause {
  attr: QueryAttribute;
  op: QueryOp;
  value: string | number | string[];
}

export interface QueryFilter {
  join: 'and' | 'or';
  parts: (QueryClause | QueryFilter)[];
}

export type ParsedQuery = { ok: true; target: 'person' | 'group'; filter: QueryFilter } | { ok: false; reason: string };

/** Identifier types: the Vietnamese citizen ID (CCCD, 12 digits) answers to the usual SPDCI names. */
const ID_TYPES: Record<string, QueryAttribute> = {
  UIN: 'citizen_id',
  NIN: 'citizen_id',
  NATIONALID: 'citizen_id',
  NATIONAL_ID: 'citizen_id',
  CCCD: 'citizen_id',
  VN_CCCD: 'citizen_id',
  HOUSEHOLD_ID: 'household_code',
};

const ATTRIBUTES: Record<string, QueryAttribute> = {
  citizen_id: 'citizen_id',
  uin: 'citizen_id',
  nin: 'citizen_id',
  household_id: 'household_code',
  location: 'location',
  district: 'location',
  province: 'location',
  commune: 'location',
  admin_area: 'location',
  sex: 'sex',
  gender: 'sex',
  birth_year: 'birth_year',
  age: 'age',
  membership: 'membership',
  program: 'membership',
  status: 'membership',
  group_size: 'group_size',
};

const OPS: Record<string, QueryOp> = {
  eq: 'eq',
  $eq: 'eq',
  '=': 'eq',
  ne: 'ne',
  $ne: 'ne',
  '!=': 'ne',
  lt: 'lt',
  $lt: 'lt',
  '<': 'lt',
  le: 'le',
  lte: 'le',
  $lte: 'le',
  '<=': 'le',
  gt: 'gt',
  $gt: 'gt',
  '>': 'gt',
  ge: 'ge',
  gte: 'ge',
  $gte: 'ge',
  '>=': 'ge',
  in: 'in',
  $in: 'in',
};

const NUMERIC: QueryAttribute[] = ['birth_year', 'age', 'group_size'];
const SEX: Record<string, string> = {
  male: 'male',
  m: 'male',
  nam: 'male',
  female: 'female',
  f: 'female',
  nu: 'female',
};

function clause(name: string, opName: string, raw: unknown): QueryClause | string {
  const attr = ATTRIBUTES[name.toLowerCase()];
  if (!attr) return `attribute "${name}" is not held by this registry`;
  const op = OPS[opName.toLowerCase()];
  if (!op) return `operator "${opName}" is not supported`;
  if (op === 'in') {
    if (!Array.isArray(raw)) return `"in" needs a list for "${name}"`;
    return { attr, op, value: raw.map(String) };
  }
  if (NUMERIC.includes(attr)) {
    const n = Number(raw);
    if (!Number.isFinite(n)) return `"${name}" needs a number`;
    return { attr, op, value: n };
  }
  if (op !== 'eq' && op !== 'ne') return `"${name}" can only be compared for equality`;
  let value = String(raw ?? '').trim();
  if (attr === 'sex') value = SEX[value.toLowerCase()] ?? value.toLowerCase();
  if (!value) return `"${name}" needs a value`;
  return { attr, op, value };
}

/** `{ type: 'UIN', value: '0790…' }` */
export function parseIdTypeValue(query: unknown): ParsedQuery {
  const q = query as { type?: unknown; value?: unknown } | null;
  if (!q || typeof q.type !== 'string' || q.value === undefined)
    return { ok: false, reason: 'query needs type and value' };
  const attr = ID_TYPES[q.type.toUpperCase()];
  if (!attr) return { ok: false, reason: `identifier type "${q.type}" is not supported` };
  const target = attr === 'household_code' ? 'group' : 'person';
  return { ok: true, target, filter: { join: 'and', parts: [{ attr, op: 'eq', value: String(q.value).trim() }] } };
}

function parseMongo(node: unknown, depth: number): QueryFilter | string {
  if (depth > 4) return 'expression nested too deeply';
  if (!node || typeof node !== 'object' || Array.isArray(node)) return 'expression must be an object';
  const parts: (QueryClause | QueryFilter)[] = [];
  for (const [key, val] of Object.entries(node as Record<string, unknown>)) {
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(val) || !val.length) return `${key} needs a non-empty list`;
      const sub: (QueryClause | QueryFilter)[] = [];
      for (const item of val) {
        const f = parseMongo(item, depth + 1);
        if (typeof f === 'string') return f;
        sub.push(f);
      }
      parts.push({ join: key === '$and' ? 'and' : 'or', parts: sub });
    } else if (val && typeof val === 'object' && !Array.isArray(val)) {
      for (const [op, v] of Object.entries(val as Record<string, unknown>)) {
        const c = clause(key, op, v);
        if (typeof c === 'string') return c;
        parts.push(c);
      }
    } else {
      const c = clause(key, 'eq', val);
      if (typeof c === 'string') return c;
      parts.push(c);
    }
  }
  if (!parts.length) return 'empty expression';
  return { join: 'and', parts };
}

/** `{ type: 'ns:org:QueryType:expression', value: { expression: { collection, query: {$and: …} } } }` */
export function parseExpression(query: unknown): ParsedQuery {
  const q = query as { value?: { expression?: { collection?: unknown; query?: unknown } } } | null;
  const e = q?.value?.expression;
  if (!e || typeof e !== 'object') return { ok: false, reason: 'query.value.expression is missing' };
  const collection = String(e.collection ?? 'Person').toLowerCase();
  const target = collection === 'group' || collection === 'household' ? 'group' : 'person';
  const f = parseMongo(e.query, 0);
  return typeof f === 'string' ? { ok: false, reason: f } : { ok: true, target, filter: f };
}

/** `[{ seq_num, expression1: {attribute_name, operator, attribute_value}, condition, expression2 }]`, all of them. */
export function parsePredicate(query: unknown): ParsedQuery {
  if (!Array.isArray(query) || !query.length) return { ok: false, reason: 'predicate query must be a non-empty list' };
  const items = [...query].sort((a, b) => Number(a?.seq_num ?? 0) - Number(b?.seq_num ?? 0));
  const parts: QueryFilter[] = [];
  for (const item of items) {
    const sub: QueryClause[] = [];
    for (const key of ['expression1', 'expression2'] as const) {
      const ex = item?.[key];
      if (!ex) continue;
      const c = clause(String(ex.attribute_name ?? ''), String(ex.operator ?? ''), ex.attribute_value);
      if (typeof c === 'string') return { ok: false, reason: c };
      sub.push(c);
    }
    if (!sub.length) return { ok: false, reason: 'predicate without expression' };
    parts.push({ join: String(item?.condition ?? 'and').toLowerCase() === 'or' ? 'or' : 'and', parts: sub });
  }
  return { ok: true, target: 'person', filter: { join: 'and', parts } };
}

export function parseRegistryQuery(queryType: unknown, query: unknown): ParsedQuery {
  if (queryType === 'idtype-value') return parseIdTypeValue(query);
  if (queryType === 'expression') return parseExpression(query);
  if (queryType === 'predicate') return parsePredicate(query);
  return { ok: false, reason: `query_type "${String(queryType)}" is not supported` };
}

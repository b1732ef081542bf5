import type { HouseholdRow, MembershipRow, PersonRow } from './repo/registry-reader.repo.js';

/**
 * Registry rows as SPDCI records, limited to the fields agreed with the partner: the citizen ID
 * (CCCD) as identifier type "UIN" (with "CCCD" as its local name), administrative codes as the
 * location, statuses as program memberships. What the partner may not see is not sent at all.
 */
type Fields = ReadonlySet<string>;

function splitName(full: string) {
  const parts = full.trim().split(/\s+/);
  return { surname: parts[0] ?? '', given_name: parts.slice(1).join(' ') };
}

function location(r: {
  province_code: string;
  district_code: string | null;
  commune_code: string;
  village: string | null;
}) {
  return {
    '@type': 'Place',
    address_country: 'VN',
    admin_area: [
      { level: 1, code: r.province_code },
      ...(r.district_code ? [{ level: 2, code: r.district_code }] : []),
      { level: 3, code: r.commune_code },
    ],
    ...(r.village ? { address: r.village } : {}),
  };
}

function memberships(rows: MembershipRow[]) {
  return rows.map((m) => ({
    '@type': 'ProgramMembership',
    program_identifier: `${m.kind}:${m.category}`,
    program: m.kind,
    category: m.category,
    start_date: m.valid_from,
    end_date: m.valid_to,
  }));
}

export function personRecord(p: PersonRow, ms: MembershipRow[], fields: Fields): Record<string, unknown> {
  const out: Record<string, unknown> = { '@type': 'SRPerson' };
  if (fields.has('identifier'))
    out.identifier = p.citizen_id
      ? [{ '@type': 'Identifier', identifier_type: 'UIN', identifier_value: p.citizen_id, local_type: 'CCCD' }]
      : [];
  if (fields.has('name')) out.name = { '@type': 'Name', ...splitName(p.full_name) };
  if (fields.has('sex')) out.sex = p.gender;
  if (fields.has('birth_date')) out.birth_date = p.birth_date;
  if (fields.has('location')) out.address = location(p);
  if (fields.has('household') && p.household_code)
    out.group_identifier = {
      identifier_type: 'HOUSEHOLD_ID',
      identifier_value: p.household_code,
      relation: p.relation,
    };
  if (fields.has('memberships')) out.program_memberships = memberships(ms.filter((m) => m.person_id === p.id));
  if (fields.has('vital_status')) {
    out.death_date = p.deceased_on;
    out.moved_out_date = p.moved_out_on;
  }
  return out;
}

export function groupRecord(
  h: HouseholdRow,
  members: PersonRow[],
  ms: MembershipRow[],
  fields: Fields,
): Record<string, unknown> {
  const current = members.filter((m) => m.household_id === h.id && !m.deceased_on && !m.moved_out_on);
  const out: Record<string, unknown> = {
    '@type': 'Group',
    group_type: 'household',
    group_size: current.length,
  };
  if (fields.has('household'))
    out.group_identifier = [{ '@type': 'Identifier', identifier_type: 'HOUSEHOLD_ID', identifier_value: h.code }];
  if (fields.has('location')) out.place = location(h);
  if (fields.has('memberships')) out.program_memberships = memberships(ms.filter((m) => m.household_id === h.id));
  out.members = current.map((m) => ({
    '@type': 'Member',
    is_group_head: m.id === h.head_person_id,
    demographic_info: personRecord(m, ms, fields),
  }));
  return out;
}

const viDate = (d: string | null) => (d ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : '…');

/** A civil-registration notification as the officers' queue shows it. */
export function crvsEventOut(e: {
  id: number;
  event_type: string;
  state: string;
  citizen_id: string | null;
  full_name: string | null;
  event_date: string | null;
  person_id: number | null;
  province_code: string;
  district_code: string | null;
  commune_code: string | null;
  received_at: string;
  decided_by: string | null;
  decided_at: string | null;
}) {
  const title =
    e.event_type === 'death'
      ? e.person_id
        ? `Người này đã mất theo hộ tịch ngày ${viDate(e.event_date)}`
        : `Thông báo khai tử ngày ${viDate(e.event_date)} chưa khớp người nào trong sổ: cần rà soát`
      : `Thông báo ${e.event_type === 'birth' ? 'khai sinh' : 'hộ tịch'} ngày ${viDate(e.event_date)}: để rà soát`;
  return {
    id: Number(e.id),
    kind: e.event_type,
    state: e.state,
    title,
    citizenId: e.citizen_id,
    fullName: e.full_name,
    eventDate: e.event_date,
    personId: e.person_id === null ? null : Number(e.person_id),
    communeCode: e.commune_code,
    districtCode: e.district_code,
    provinceCode: e.province_code,
    receivedAt: e.received_at,
    decidedBy: e.decided_by,
    decidedAt: e.decided_at,
  };
}

/** A partner as the administrator sees it (never its secret). */
export function partnerOut(p: {
  id: number;
  name: string;
  kind: string;
  client_id: string;
  area_code: string;
  allowed_fields: string;
  allowed_purposes: string;
  signature_mode: string;
  callback_prefix: string | null;
  base_url: string | null;
  active: number;
  created_at: string;
}) {
  return {
    id: Number(p.id),
    name: p.name,
    kind: p.kind,
    clientId: p.client_id,
    areaCode: p.area_code,
    fields: JSON.parse(p.allowed_fields) as string[],
    purposes: JSON.parse(p.allowed_purposes) as string[],
    signatureMode: p.signature_mode,
    callbackPrefix: p.callback_prefix,
    baseUrl: p.base_url,
    active: !!p.active,
    createdAt: p.created_at,
  };
}

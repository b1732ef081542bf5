import type { Actor } from '../../platform/actor.js';
import { definePolicy, type AreaCodes, type RecordArea, type RecordRule } from '../../platform/authz.js';

/** A dossier as the policy sees it: where it lives, which level holds it, which counter took it. */
export type DossierRecord = AreaCodes & { current_area_code: string | null; receiving_area_code: string };

/** What the dossiers guard is asked about: a dossier, an area (`{ areaPath }`), a procedure (`{ provinceCode }`). */
export type DossiersRecord = DossierRecord | RecordArea;

const OFFICERS = ['province_officer', 'district_officer', 'commune_officer'] as const;
const READERS = [
  'admin',
  'province_leader',
  'province_officer',
  'district_officer',
  'commune_officer',
  'inspector',
] as const;

const HELD_ELSEWHERE =
  'Hồ sơ đang do cấp khác giữ; chỉ cơ quan đang giữ hồ sơ mới thao tác được. Xem "Quá trình xử lý" để biết hồ sơ đang ở đâu.';

const holds = (a: Actor, r: DossiersRecord) =>
  !!a.areaCode && 'current_area_code' in r && r.current_area_code === a.areaCode;
const receivedHere = (a: Actor, r: DossiersRecord) =>
  !!a.areaCode && 'receiving_area_code' in r && r.receiving_area_code === a.areaCode;

/** Only the level currently holding the dossier acts on it. */
const holder: RecordRule<DossiersRecord> = (a, r) => holds(a, r) || HELD_ELSEWHERE;
/** The level holding it, or the counter that received it (withdrawal, files, handing the result over). */
const holderOrCounter: RecordRule<DossiersRecord> = (a, r) => holds(a, r) || receivedHere(a, r) || HELD_ELSEWHERE;

/**
 * Officers of each level receive dossiers at their counter and act on those their level holds;
 * the receiving counter hands the result over; the Department keeps its province's procedure
 * catalogue; leaders and inspectors read and see statistics. `process` is the route-level row of
 * every action on a dossier (the per-action rows below carry the record rules).
 */
export const dossiersPolicy = definePolicy<
  | 'read'
  | 'receive'
  | 'process'
  | 'forward'
  | 'result'
  | 'return'
  | 'supplement'
  | 'supplied'
  | 'refuse'
  | 'withdraw'
  | 'apology'
  | 'file'
  | 'catalogue'
  | 'stats',
  DossiersRecord
>(
  'dossiers',
  {
    read: READERS,
    receive: OFFICERS,
    process: OFFICERS,
    forward: OFFICERS,
    result: OFFICERS,
    return: OFFICERS,
    supplement: OFFICERS,
    supplied: OFFICERS,
    refuse: OFFICERS,
    withdraw: OFFICERS,
    apology: OFFICERS,
    file: OFFICERS,
    catalogue: ['province_officer'],
    stats: READERS,
  },
  {
    process: holderOrCounter,
    forward: holder,
    result: holder,
    supplement: holder,
    supplied: holder,
    refuse: holder,
    apology: holder,
    return: holderOrCounter,
    withdraw: holderOrCounter,
    file: holderOrCounter,
  },
);

export type DossierAction = Parameters<typeof dossiersPolicy.guard>[1];

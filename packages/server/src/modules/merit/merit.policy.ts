import { definePolicy, type RecordArea } from '../../platform/authz.js';

/** A merit row as the policy sees it: its area codes (commune null for province-level rows). */
export interface MeritArea {
  province_code: string;
  district_code: string | null;
  commune_code: string | null;
}

/**
 * Where a merit row lives: a row of a commune is checked on its codes, a province-level row (a
 * remains intake, a gift campaign, a transfer) on its province.
 */
export function meritRecordArea(r: MeritArea): RecordArea {
  return r.commune_code
    ? { province_code: r.province_code, district_code: r.district_code, commune_code: r.commune_code }
    : { provinceCode: r.province_code };
}

const READERS = [
  'admin',
  'province_leader',
  'province_officer',
  'district_officer',
  'commune_officer',
  'inspector',
] as const;

/**
 * The department's merit office (province officers) keeps the records, decisions, transfers,
 * martyrs, remains and samples, gifts and housing; commune officers confirm for their commune
 * (relatives, grave visits and remains-move requests); leaders, district officers and inspectors
 * read within their area. No record rules beyond the area: each action belongs to one level.
 */
export const meritPolicy = definePolicy<'read' | 'manage' | 'confirm', RecordArea>('merit', {
  read: READERS,
  manage: ['province_officer'],
  confirm: ['province_officer', 'commune_officer'],
});

export type MeritAction = Parameters<typeof meritPolicy.guard>[1];

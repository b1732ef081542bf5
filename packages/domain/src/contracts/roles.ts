import { z } from 'zod';

/** The seven roles of AnSinh; each user has exactly one, with one home area. */
export const ROLES = [
  'admin',
  'province_leader',
  'province_officer',
  'district_officer',
  'commune_officer',
  'inspector',
  'supervisor',
  'employment_centre',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** The level of area each role works at (1 province, 2 district, 3 commune; null: any level). */
export const ROLE_AREA_LEVEL: Record<Role, number | null> = {
  admin: 1,
  province_leader: 1,
  province_officer: 1,
  inspector: 1,
  district_officer: 2,
  commune_officer: 3,
  supervisor: null,
  employment_centre: 1,
};

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  province_leader: { vi: 'Lãnh đạo Sở', en: 'Department leader' },
  province_officer: { vi: 'Chuyên viên Sở', en: 'Department officer' },
  district_officer: { vi: 'Cán bộ cấp huyện', en: 'District officer' },
  commune_officer: { vi: 'Cán bộ cấp xã', en: 'Commune officer' },
  inspector: { vi: 'Thanh tra Sở', en: 'Inspector' },
  supervisor: { vi: 'Giám sát (MTTQ, Ban TTND)', en: 'Supervisor (Fatherland Front)' },
  employment_centre: { vi: 'Trung tâm Dịch vụ việc làm', en: 'Employment service centre' },
};

/**
 * Abilities the server computes for the current actor and ships to the client, so the web app
 * hides what the role may not do (the server checks again on every request).
 */
export const ABILITIES = [
  'areas.read',
  'areas.import',
  'users.manage',
  'audit.read',
  'registry.read',
  'registry.write',
  'programs.read',
  'programs.manage',
  'programs.prepare',
  'programs.appraise',
  'programs.approve',
  'programs.pay',
  'programs.remark',
  'dossiers.read',
  'dossiers.receive',
  'dossiers.catalogue',
  'reports.read',
  'reports.manage',
  'petitions.read',
  'petitions.receive',
  'petitions.classify',
  'petitions.settle',
  'petitions.stats',
  'employment.read',
  'employment.collect',
  'employment.serve',
  'employment.transfer',
  'poverty.read',
  'poverty.manage',
  'poverty.survey',
  'poverty.opine',
  'poverty.recognize',
  'merit.read',
  'merit.manage',
  'merit.confirm',
  'organisation.read',
  'organisation.manage',
  'activities.read',
  'activities.record',
] as const;
export const Ability = z.enum(ABILITIES);
export type Ability = z.infer<typeof Ability>;

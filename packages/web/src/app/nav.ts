import type { Ability } from '@ansinh/domain';
import type { MessageKey } from '../kernel/i18n';

export const NAV_KEYS = [
  'home',
  'registry',
  'programs',
  'dossiers',
  'petitions',
  'employment',
  'poverty',
  'merit',
  'activities',
  'organisation',
  'reports',
  'areas',
  'users',
  'audit',
] as const;
export type NavKey = (typeof NAV_KEYS)[number];

export interface NavItem {
  key: NavKey;
  path: string;
  label: MessageKey;
  /** Shown only when the signed-in user has this ability (`null`: everyone). */
  ability: Ability | null;
  /** The module is not built yet: the route shows a "coming soon" page. */
  comingSoon?: boolean;
}

export const NAV: readonly NavItem[] = [
  { key: 'home', path: '/', label: 'nav.home', ability: null },
  { key: 'registry', path: '/registry', label: 'nav.registry', ability: 'registry.read' },
  { key: 'programs', path: '/programs', label: 'nav.programs', ability: 'programs.read' },
  { key: 'dossiers', path: '/dossiers', label: 'nav.dossiers', ability: 'dossiers.read' },
  { key: 'petitions', path: '/petitions', label: 'nav.petitions', ability: 'petitions.stats' },
  { key: 'employment', path: '/employment', label: 'nav.employment', ability: 'employment.read' },
  { key: 'poverty', path: '/poverty', label: 'nav.poverty', ability: 'poverty.read' },
  { key: 'merit', path: '/merit', label: 'nav.merit', ability: 'merit.read' },
  { key: 'activities', path: '/activities', label: 'nav.activities', ability: 'activities.read' },
  { key: 'organisation', path: '/organisation', label: 'nav.organisation', ability: 'organisation.read' },
  { key: 'reports', path: '/reports', label: 'nav.reports', ability: 'reports.read' },
  { key: 'areas', path: '/areas', label: 'nav.areas', ability: 'areas.read' },
  { key: 'users', path: '/users', label: 'nav.users', ability: 'users.manage' },
  { key: 'audit', path: '/audit', label: 'nav.audit', ability: 'audit.read' },
];

/** The nav key for a pathname: `/users/12` → `users`, `/` → `home`. */
export function navKeyOf(pathname: string): string {
  const first = pathname.split('/').filter(Boolean)[0];
  if (!first) return 'home';
  if (first === 'account') return 'account';
  return NAV.find((n) => n.path === `/${first}`)?.key ?? '';
}

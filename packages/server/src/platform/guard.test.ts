import { describe, expect, it } from 'vitest';
import type { Role } from '@ansinh/domain';
import { systemActor, type Actor } from './actor.js';
import { definePolicy, provinceScope, recordInScope } from './authz.js';
import { AppError } from './errors.js';

/** The guard itself, without a database: the order of its answers and that it fails closed. */

function actor(role: Role, areaPath: string | null, areaLevel: number | null): Actor {
  const areaCode = areaPath ? (areaPath.split('/').filter(Boolean).at(-1) ?? null) : null;
  return { kind: 'user', userId: 1, username: 'u', role, areaCode, areaPath, areaLevel, ip: null, requestId: null };
}

const commune = actor('commune_officer', '/70/689/25213/', 3);
const district = actor('district_officer', '/70/689/', 2);
const province = actor('province_officer', '/70/', 1);
const lost = actor('province_officer', null, null);

const policy = definePolicy(
  'test',
  { read: ['commune_officer', 'district_officer', 'province_officer'], approve: ['province_officer'] },
  { approve: (_a, r) => ('areaPath' in r && r.areaPath?.endsWith('/25213/')) || 'Chỉ duyệt được danh sách của xã.' },
);

const status = (fn: () => void): number | 'ok' => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return e.status;
    throw e;
  }
};

describe('guard', () => {
  it('answers 404 outside the area, 403 for a role not in the table, and lets the rest through', () => {
    const inside = { areaPath: '/70/689/25213/' };
    const outside = { areaPath: '/70/692/25273/' };
    expect(status(() => policy.guard(commune, 'read', inside))).toBe('ok');
    expect(status(() => policy.guard(commune, 'read', outside))).toBe(404);
    expect(status(() => policy.guard(commune, 'approve', inside))).toBe(403);
    expect(status(() => policy.guard(district, 'read', inside))).toBe('ok');
    expect(status(() => policy.guard(province, 'approve', inside))).toBe('ok');
  });

  it('applies the record rule after scope and role, with its message', () => {
    try {
      policy.guard(province, 'approve', { areaPath: '/70/692/25273/' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).status).toBe(403);
      expect((e as AppError).message).toBe('Chỉ duyệt được danh sách của xã.');
    }
  });

  it('refuses an action that has a record rule when no record is given', () => {
    expect(status(() => policy.guard(province, 'approve'))).toBe(403);
    expect(status(() => policy.guard(province, 'read'))).toBe('ok');
  });

  it('fails closed for an actor without a resolvable area', () => {
    expect(status(() => policy.guard(lost, 'read', { areaPath: '/70/' }))).toBe(404);
    expect(recordInScope(lost, { province_code: '70', district_code: '689', commune_code: '25213' })).toBe(false);
    expect(recordInScope(lost, { provinceCode: '70' })).toBe(false);
    expect(provinceScope(lost)).toBe('__nothing__');
  });

  it('refuses an action missing from the table even for a role that exists', () => {
    const unsafe = policy as unknown as { guard: (a: Actor, action: string) => void };
    expect(status(() => unsafe.guard(province, 'delete_everything'))).toBe(403);
  });

  it('scopes registry-like rows by the column of the actor level, and catalogues by province', () => {
    const row = { province_code: '70', district_code: '689', commune_code: '25213' };
    expect(recordInScope(commune, row)).toBe(true);
    expect(recordInScope(commune, { ...row, commune_code: '25216' })).toBe(false);
    expect(recordInScope(district, { ...row, commune_code: '25216' })).toBe(true);
    expect(recordInScope(district, { ...row, district_code: '692' })).toBe(false);
    expect(recordInScope(commune, { provinceCode: '70' })).toBe(true);
    expect(recordInScope(province, { provinceCode: '99' })).toBe(false);
    expect(provinceScope(commune)).toBe('70');
    expect(provinceScope(systemActor())).toBeNull();
  });

  it('lets the system actor through everything', () => {
    expect(status(() => policy.guard(systemActor(), 'approve'))).toBe('ok');
  });
});

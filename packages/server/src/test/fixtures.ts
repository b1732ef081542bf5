import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { systemActor } from '../platform/actor.js';
import { DEMO_PASSWORD, type TestContext } from './helpers.js';

/** The body of every error answer (RFC 9457 problem+json). */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  message: string;
  details?: { path: string; message: string }[];
  requestId: string;
}

/** At least one letter only Vietnamese uses: the message is written for the user, not in English. */
export const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

/**
 * Check an error answer the way a client reads it: status, problem+json, the stable code, a
 * Vietnamese message and the request id (the same as the x-request-id header). Returns the body.
 */
export function expectProblem(res: LightMyRequestResponse, status: number, code: string): ProblemBody {
  expect({ status: res.statusCode, body: res.body.slice(0, 500) }).toMatchObject({ status });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json() as ProblemBody;
  expect(body.code).toBe(code);
  expect(body.status).toBe(status);
  expect(body.message).toMatch(VIETNAMESE);
  expect(body.requestId).toBe(res.headers['x-request-id']);
  return body;
}

/**
 * A second province, outside the demo one (Bình Phước, 70): province 99 > district 999 >
 * commune 99999, in AnSinh's own CSV format.
 */
export const OTHER_PROVINCE_CSV = [
  'code,parent,type,name',
  '99,,province,Tỉnh Thử Nghiệm',
  '999,99,district,Huyện Thử Nghiệm',
  '99999,999,commune,Xã Thử Nghiệm',
  '',
].join('\n');

export interface OtherProvince {
  province: '99';
  district: '999';
  commune: '99999';
  /** admin99: administrator of province 99. */
  adminId: number;
  /** xa.99999: commune officer in 99999. */
  communeUserId: number;
}

/** Load the second province and two accounts in it (password DEMO_PASSWORD, no change required). */
export async function addOtherProvince(ctx: TestContext): Promise<OtherProvince> {
  const actor = systemActor('test');
  await ctx.services.areas.importList(actor, OTHER_PROVINCE_CSV, {
    listId: 'test-99',
    validFrom: '2025-03-01',
    validTo: null,
  });
  const admin = await ctx.services.users.create(
    actor,
    {
      username: 'admin99',
      password: DEMO_PASSWORD,
      fullName: 'Quản trị Tỉnh Thử Nghiệm',
      role: 'admin',
      areaCode: '99',
    },
    { mustChangePassword: false },
  );
  const commune = await ctx.services.users.create(
    actor,
    {
      username: 'xa.99999',
      password: DEMO_PASSWORD,
      fullName: 'Cán bộ Xã Thử Nghiệm',
      role: 'commune_officer',
      areaCode: '99999',
    },
    { mustChangePassword: false },
  );
  return { province: '99', district: '999', commune: '99999', adminId: admin.id, communeUserId: commune.id };
}

/** The id of an account, read through the service as the system. */
export async function userIdOf(ctx: TestContext, username: string): Promise<number> {
  const page = await ctx.services.users.list(systemActor('test'), { page: 1, pageSize: 50, q: username });
  const u = page.items.find((x) => x.username === username);
  if (!u) throw new Error(`no user ${username}`);
  return u.id;
}

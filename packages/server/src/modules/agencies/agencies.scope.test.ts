import { describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '../../platform/actor.js';
import { agencyInScope, agencyScope, recordInScope } from '../../platform/authz.js';

/** The agency rule of the platform's scope (docs/modules/agencies.md), without a database. */
const officer = (agencyCode: string | null): Actor => ({
  kind: 'user',
  userId: 1,
  username: 'cv',
  role: 'province_officer',
  areaCode: '70',
  areaPath: '/70/',
  areaLevel: 1,
  agencyCode,
  ip: null,
  requestId: null,
});

describe('agency scope', () => {
  it("an officer of one agency is refused another agency's record, and sees records of no agency", () => {
    const snv = officer('SNV');
    expect(recordInScope(snv, { provinceCode: '70', agencyCode: 'SNV' })).toBe(true);
    expect(recordInScope(snv, { provinceCode: '70', agencyCode: 'SLDTBXH' })).toBe(false);
    expect(recordInScope(snv, { provinceCode: '70', agencyCode: null })).toBe(true);
    expect(recordInScope(snv, { provinceCode: '70' })).toBe(true);
    expect(recordInScope(snv, { areaPath: '/70/689/', agencyCode: 'SLDTBXH' })).toBe(false);
    // The agency does not open another province.
    expect(recordInScope(snv, { provinceCode: '99', agencyCode: 'SNV' })).toBe(false);
  });

  it('an officer without an agency and the system see every agency; lists are limited for the first only', () => {
    expect(agencyInScope(officer(null), 'SNV')).toBe(true);
    expect(agencyInScope(systemActor(), 'SNV')).toBe(true);
    expect(agencyScope(officer('SNV'))).toBe('SNV');
    expect(agencyScope(officer(null))).toBeNull();
    expect(agencyScope({ ...systemActor(), agencyCode: 'SNV' })).toBeNull();
  });
});

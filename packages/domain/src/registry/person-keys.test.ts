import { describe, expect, it } from 'vitest';
import { citizenIdProblems, normalizeCitizenId, personKeys } from './person-keys.js';

describe('person keys and IDs', () => {
  it('keys a name without accents, the given name apart', () => {
    expect(personKeys('Nguyễn Văn Đức')).toMatchObject({ name_key: 'nguyen van duc', given_key: 'duc' });
    expect(personKeys('Nguyễn Văn Đức')).toBe(personKeys('Nguyễn Văn Đức'));
  });

  it('normalises a typed ID to its digits', () => {
    expect(normalizeCitizenId(' 070 050.000-001 ')).toBe('070050000001');
    expect(normalizeCitizenId('')).toBeNull();
    expect(normalizeCitizenId(null)).toBeNull();
  });

  it('refuses an ID whose century/sex digit contradicts the person (TT 59/2021/TT-BCA, Art. 7)', () => {
    // 4th digit 0: male born 1900–1999.
    expect(citizenIdProblems('070050000001', 'male', 1950)).toEqual([]);
    const p = citizenIdProblems('070060000003', 'female', 1960);
    expect(p.length).toBeGreaterThan(0);
    expect(p[0]!.path).toBe('body.citizenId');
  });
});

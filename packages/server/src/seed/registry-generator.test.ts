import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkCitizenId, checkOldIdCard } from '@ansinh/domain';
import { generateHouseholds, loadNameWeights, type GenHousehold, type GeneratorArea, type GenPerson } from './registry-generator.js';

const DATA_DIR = fileURLToPath(new URL('../../../../data', import.meta.url));
const TODAY = '2026-11-29';
const PERSONS = 20_000;

/** The 111 communes of Bình Phước (70) in the last three-level list. */
function binhPhuocCommunes(): GeneratorArea[] {
  const lines = readFileSync(`${DATA_DIR}/areas/vn-2025-03-01.csv`, 'utf8').trim().split('\n');
  expect(lines[0]).toBe('code,parent,type,name');
  // Names contain no comma or quote in this list, so a plain split is enough here.
  const rows = lines.slice(1).map((l) => {
    const [code = '', parent = '', type = '', name = ''] = l.split(',');
    return { code, parent, type, name };
  });
  const districts = new Set(rows.filter((r) => r.parent === '70').map((r) => r.code));
  return rows
    .filter((r) => r.code.length === 5 && districts.has(r.parent))
    .map((r) => ({ code: r.code, districtCode: r.parent, provinceCode: '70', name: r.name, type: r.type }));
}

const communes = binhPhuocCommunes();
const run = (seed: number, persons = PERSONS): GenHousehold[] => [
  ...generateHouseholds({ seed, persons, communes, dataDir: DATA_DIR, today: TODAY }),
];
const households = run(20261129);
const persons: GenPerson[] = households.flatMap((h) => h.members);
const living = persons.filter((p) => p.deceased_on === null && p.moved_out_on === null);
const share = (n: number, of: number) => n / of;
const year = (p: GenPerson) => Number(p.birth_date.slice(0, 4));

describe('registry generator', () => {
  it('reads the name tables', () => {
    const w = loadNameWeights(DATA_DIR);
    expect(w.surnames.values[0]).toBe('Nguyễn');
    expect(w.middleFemale.values).toContain('Thị');
    expect(w.middleMale.values).toContain(''); // "no middle name"
    expect(loadNameWeights(DATA_DIR)).toBe(w); // read once
  });

  it('uses the 111 communes of Bình Phước', () => {
    expect(communes).toHaveLength(111);
    expect(new Set(households.map((h) => h.commune_code)).size).toBe(111);
  });

  it('is deterministic: same seed, same output; another seed, another output', () => {
    const again = run(20261129);
    expect(JSON.stringify(again)).toBe(JSON.stringify(households));
    const other = run(7);
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(households));
    expect(other[0]!.members[0]!.full_name === households[0]!.members[0]!.full_name && other[0]!.address === households[0]!.address).toBe(false);
  });

  it('does not depend on the order the communes are passed in', () => {
    const reversed = [...generateHouseholds({ seed: 5, persons: 2000, communes: [...communes].reverse(), dataDir: DATA_DIR, today: TODAY })];
    const straight = [...generateHouseholds({ seed: 5, persons: 2000, communes, dataDir: DATA_DIR, today: TODAY })];
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(straight));
  });

  it('streams: the first household comes without generating the rest', () => {
    const gen = generateHouseholds({ seed: 1, persons: 10_000_000, communes, dataDir: DATA_DIR, today: TODAY });
    const first = gen.next();
    expect(first.done).toBe(false);
    expect(first.value!.code).toBe(`${[...communes].sort((a, b) => a.code.localeCompare(b.code))[0]!.code}-000001`);
    gen.return(undefined);
  });

  it('produces the target number of persons, about 3.6 per household', () => {
    expect(Math.abs(persons.length - PERSONS) / PERSONS).toBeLessThanOrEqual(0.02);
    const perHousehold = persons.length / households.length;
    expect(perHousehold).toBeGreaterThan(3.3);
    expect(perHousehold).toBeLessThan(3.9);
    expect([...generateHouseholds({ seed: 1, persons: 0, communes, dataDir: DATA_DIR })]).toEqual([]);
  });

  it('gives households unique codes per commune and a consistent address', () => {
    const byCommune = new Map(communes.map((c) => [c.code, c]));
    const codes = new Set<string>();
    const seqByCommune = new Map<string, number>();
    for (const h of households) {
      expect(h.code).toMatch(/^\d{5}-\d{6}$/);
      expect(codes.has(h.code)).toBe(false);
      codes.add(h.code);
      const [commune, seq] = h.code.split('-');
      expect(commune).toBe(h.commune_code);
      expect(Number(seq)).toBe((seqByCommune.get(h.commune_code) ?? 0) + 1);
      seqByCommune.set(h.commune_code, Number(seq));
      const area = byCommune.get(h.commune_code)!;
      expect(h.province_code).toBe('70');
      expect(h.district_code).toBe(area.districtCode);
      expect(h.state).toBe('active');
      const urban = area.type === 'ward' || area.type === 'township';
      expect(h.residence).toBe(urban ? 'urban' : 'rural');
      if (urban) {
        expect(h.village).toMatch(/^Tổ \d+, Khu phố \S/);
        expect(h.address).toMatch(/^Số \d+(\/\d+)?, Tổ \d+, Khu phố /);
      } else {
        expect(h.village).toMatch(/^(Ấp|Thôn|Sóc) \S/);
        expect(h.address.endsWith(h.village)).toBe(true);
      }
      if (h.phone !== null) expect(h.phone).toMatch(/^0[3789]\d{8}$/);
      for (const p of h.members) expect(p.village).toBe(h.village);
      expect(h.members[0]!.relation).toBe('head');
      expect(h.members.filter((p) => p.relation === 'head')).toHaveLength(1);
      expect(h.members[0]!.phone).toBe(h.phone);
    }
    const withPhone = share(households.filter((h) => h.phone !== null).length, households.length);
    expect(withPhone).toBeGreaterThan(0.65);
    expect(withPhone).toBeLessThan(0.75);
    const phones = persons.flatMap((p) => (p.phone !== null && p.relation !== 'head' ? [p.phone] : [])).concat(households.flatMap((h) => (h.phone ? [h.phone] : [])));
    expect(new Set(phones).size).toBe(phones.length);
  });

  it('gives every person a clean NFC name of 2 to 5 syllables from the tables', () => {
    const w = loadNameWeights(DATA_DIR);
    const surnames = new Set(w.surnames.values);
    for (const p of persons) {
      expect(p.full_name.length).toBeGreaterThan(0);
      expect(p.full_name).toBe(p.full_name.normalize('NFC'));
      expect(p.full_name).toBe(p.full_name.trim());
      expect(p.full_name).not.toMatch(/\s{2}/);
      const syllables = p.full_name.split(' ');
      expect(syllables.length).toBeGreaterThanOrEqual(2);
      expect(syllables.length).toBeLessThanOrEqual(5);
      for (const s of syllables) expect(s).toMatch(/^\p{Lu}\p{Ll}*$/u);
      expect(surnames.has(syllables[0]!)).toBe(true);
    }
    const women = persons.filter((p) => p.gender === 'female');
    const thi = share(women.filter((p) => p.full_name.split(' ')[1] === 'Thị').length, women.length);
    expect(thi).toBeGreaterThan(0.5);
  });

  it('makes children younger than their parents and gives them the father’s surname', () => {
    const surname = (p: GenPerson) => p.full_name.split(' ')[0];
    for (const h of households) {
      const head = h.members[0]!;
      expect(2026 - year(head)).toBeGreaterThanOrEqual(21);
      expect(2026 - year(head)).toBeLessThanOrEqual(86);
      const spouse = h.members.find((p) => p.relation === 'spouse');
      if (spouse) expect(spouse.gender).not.toBe(head.gender);
      const father = head.gender === 'male' ? head : spouse?.gender === 'male' ? spouse : undefined;
      for (const p of h.members) {
        if (p.relation === 'child') {
          expect(year(p) - year(head)).toBeGreaterThanOrEqual(16);
          if (spouse) expect(year(p) - year(spouse)).toBeGreaterThanOrEqual(16);
          if (father) expect(surname(p)).toBe(surname(father));
        }
        if (p.relation === 'grandchild') expect(year(p) - year(head)).toBeGreaterThanOrEqual(32);
        if (p.relation === 'parent') expect(year(head) - year(p)).toBeGreaterThanOrEqual(16);
      }
    }
    const heads = households.map((h) => h.members[0]!);
    const male = share(heads.filter((p) => p.gender === 'male').length, heads.length);
    expect(male).toBeGreaterThan(0.6);
    expect(male).toBeLessThan(0.7);
  });

  it('writes birth dates as full dates mostly, some month/year and year only', () => {
    const full = share(persons.filter((p) => /^\d{4}-\d{2}-\d{2}$/.test(p.birth_date)).length, persons.length);
    const month = share(persons.filter((p) => /^\d{4}-\d{2}$/.test(p.birth_date)).length, persons.length);
    const only = share(persons.filter((p) => /^\d{4}$/.test(p.birth_date)).length, persons.length);
    expect(full + month + only).toBe(1);
    expect(full).toBeGreaterThan(0.8);
    expect(full).toBeLessThan(0.9);
    expect(month).toBeGreaterThan(0.06);
    expect(only).toBeGreaterThan(0.03);
    for (const p of persons) expect(p.birth_date <= TODAY).toBe(true);
  });

  it('gives unique citizen IDs consistent with sex and birth year (LEGAL-FACTS §8.1)', () => {
    const ids = new Set<string>();
    let adults = 0;
    let adultsWithId = 0;
    let province070 = 0;
    for (const p of persons) {
      const age = 2026 - year(p);
      if (age >= 15) {
        adults++;
        if (p.citizen_id) adultsWithId++;
      }
      if (p.old_id_number !== null) expect(checkOldIdCard(p.old_id_number).ok).toBe(true);
      if (p.citizen_id === null) continue;
      expect(p.citizen_id).toMatch(/^\d{12}$/);
      expect(ids.has(p.citizen_id)).toBe(false);
      ids.add(p.citizen_id);
      const check = checkCitizenId(p.citizen_id, { gender: p.gender, birthYear: year(p) }, { today: TODAY });
      expect(check.problems).toEqual([]);
      expect(check.ok).toBe(true);
      if (p.citizen_id.startsWith('070')) province070++;
    }
    expect(share(adultsWithId, adults)).toBeGreaterThan(0.88);
    expect(share(adultsWithId, adults)).toBeLessThan(0.96);
    expect(share(province070, ids.size)).toBeGreaterThan(0.6);
    expect(share(province070, ids.size)).toBeLessThan(0.9);
    expect(persons.some((p) => p.citizen_id === null && p.old_id_number !== null)).toBe(true);
  });

  it('has the province’s ethnic mix, mostly shared within a household', () => {
    const count = (code: string) => share(persons.filter((p) => p.ethnic_code === code).length, persons.length);
    expect(count('01')).toBeGreaterThan(0.74);
    expect(count('01')).toBeLessThan(0.87);
    expect(count('22')).toBeGreaterThan(0.04); // Xtiêng
    expect(count('22')).toBeLessThan(0.13);
    for (const p of persons) expect(p.ethnic_code).toMatch(/^(0[1-9]|[1-4]\d|5[0-4])$/);
    const mixed = households.filter((h) => h.members.some((p) => p.ethnic_code !== h.members[0]!.ethnic_code)).length;
    expect(share(mixed, households.length)).toBeLessThan(0.15);
  });

  it('has deaths and moves in the last years, never for the head', () => {
    const dead = persons.filter((p) => p.deceased_on !== null);
    const moved = persons.filter((p) => p.moved_out_on !== null);
    expect(share(dead.length, persons.length)).toBeGreaterThan(0.002);
    expect(share(dead.length, persons.length)).toBeLessThan(0.01);
    expect(share(moved.length, persons.length)).toBeGreaterThan(0.002);
    expect(share(moved.length, persons.length)).toBeLessThan(0.01);
    for (const p of dead) {
      expect(p.relation).not.toBe('head');
      expect(p.deceased_on! >= '2021-11-29' && p.deceased_on! <= TODAY).toBe(true);
      expect(p.deceased_on! >= p.birth_date.slice(0, 4)).toBe(true);
      expect(p.statuses).toEqual([]);
    }
    for (const p of moved) expect(p.moved_out_on! <= TODAY && p.relation !== 'head').toBe(true);
  });

  it('has poverty statuses for the 2025 review in the assumed proportions', () => {
    const categories = new Map<string, number>();
    for (const h of households) {
      expect(h.statuses.length).toBeLessThanOrEqual(1);
      for (const s of h.statuses) {
        expect(s.kind).toBe('poverty');
        expect(['poor', 'near_poor', 'average']).toContain(s.category);
        expect(s).toMatchObject({ year: 2025, degree: null, valid_from: '2026-01-01', valid_to: '2026-12-31' });
        expect(s.decision_no).toMatch(/^\d+\/QĐ-UBND$/);
        expect(s.decision_date).toMatch(/^2025-12-\d{2}$/);
        categories.set(s.category, (categories.get(s.category) ?? 0) + 1);
      }
    }
    const poor = share(categories.get('poor') ?? 0, households.length);
    const near = share(categories.get('near_poor') ?? 0, households.length);
    const average = share(categories.get('average') ?? 0, households.length);
    expect(poor).toBeGreaterThan(0.007);
    expect(poor).toBeLessThan(0.025);
    expect(near).toBeGreaterThan(0.014);
    expect(near).toBeLessThan(0.037);
    expect(average).toBeGreaterThan(0.028);
    expect(average).toBeLessThan(0.055);
  });

  it('has social-assistance, meritorious and other statuses in plausible proportions and consistent', () => {
    const SA = new Set(['1', '2', '3', '4', '5a', '5b', '5c', '5d', '6_especially_severe', '6_severe', '7', '8']);
    const MERIT = new Set(['a', 'b', 'c', 'd', 'dd', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'relative_of_martyr', 'relative']);
    const HI = new Set(['poor', 'near_poor', 'social_assistance', 'meritorious', 'ethnic_minority_difficult_area', 'child_under_6', 'elderly_80']);
    let sa = 0;
    let merit = 0;
    let disabled = 0;
    for (const p of persons) {
      if (p.disability !== null) disabled++;
      const age = 2026 - year(p);
      const kinds = p.statuses.map((s) => s.kind);
      if (kinds.includes('social_assistance')) sa++;
      if (kinds.includes('meritorious')) merit++;
      expect(kinds.filter((k) => k === 'health_insurance').length).toBeLessThanOrEqual(1);
      expect(kinds.filter((k) => k === 'meritorious').length).toBeLessThanOrEqual(1);
      for (const s of p.statuses) {
        expect(s.valid_from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(s.decision_date <= TODAY).toBe(true);
        if (s.valid_to !== null) expect(s.valid_to >= s.valid_from).toBe(true);
        switch (s.kind) {
          case 'social_assistance':
            expect(SA.has(s.category)).toBe(true);
            if (s.category === '6_severe') expect(p.disability).toBe('severe');
            if (s.category === '6_especially_severe') expect(p.disability).toBe('especially_severe');
            if (s.category === '5c') expect(age).toBeGreaterThanOrEqual(80);
            if (s.category === '7') expect(age).toBeLessThanOrEqual(3);
            expect(s.valid_from >= p.birth_date.slice(0, 4)).toBe(true);
            break;
          case 'meritorious':
            expect(MERIT.has(s.category)).toBe(true);
            if (s.category === 'g') expect(s.degree).toBeGreaterThanOrEqual(21);
            if (s.category === 'g') expect(s.degree).toBeLessThanOrEqual(100);
            if (s.category === 'd') expect(p.gender === 'female' && age >= 90).toBe(true);
            break;
          case 'ethnic_minority_area':
            expect(['difficult', 'extremely_difficult']).toContain(s.category);
            expect(p.ethnic_code).not.toBe('01');
            break;
          case 'health_insurance':
            expect(HI.has(s.category)).toBe(true);
            if (s.category === 'child_under_6') expect(age).toBeLessThanOrEqual(6);
            if (s.category === 'meritorious') expect(kinds).toContain('meritorious');
            if (s.category === 'social_assistance') expect(kinds).toContain('social_assistance');
            break;
          default:
            throw new Error(`unexpected person status kind ${s.kind}`);
        }
      }
    }
    expect(share(sa, living.length)).toBeGreaterThan(0.012);
    expect(share(sa, living.length)).toBeLessThan(0.03);
    expect(share(merit, living.length)).toBeGreaterThan(0.004);
    expect(share(merit, living.length)).toBeLessThan(0.013);
    expect(share(disabled, persons.length)).toBeGreaterThan(0.009);
    expect(share(disabled, persons.length)).toBeLessThan(0.022);
    // Children under 6 and the poor are all insured.
    for (const h of households) {
      const poor = h.statuses.some((s) => s.category === 'poor');
      for (const p of h.members) {
        if (p.deceased_on !== null || p.moved_out_on !== null) continue;
        const insured = p.statuses.some((s) => s.kind === 'health_insurance');
        if (poor) expect(insured).toBe(true);
        if (/^\d{4}-\d{2}-\d{2}$/.test(p.birth_date) && p.birth_date > '2020-11-29') expect(insured).toBe(true);
      }
    }
  });

  it('generates 200,000 persons quickly (timing printed, not asserted)', () => {
    const start = performance.now();
    let n = 0;
    let h = 0;
    for (const hh of generateHouseholds({ seed: 99, persons: 200_000, communes, dataDir: DATA_DIR, today: TODAY })) {
      h++;
      n += hh.members.length;
    }
    const seconds = (performance.now() - start) / 1000;
    console.log(
      `registry generator: ${n.toLocaleString('en')} persons in ${h.toLocaleString('en')} households, ` +
        `${seconds.toFixed(2)} s, ${Math.round(n / seconds).toLocaleString('en')} persons/s`,
    );
    expect(n).toBeGreaterThanOrEqual(200_000);
  });
});

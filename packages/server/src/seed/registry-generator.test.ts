import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ETHNIC_GROUPS, checkCitizenId, checkOldIdCard, validateStatusGrant, type StatusKind } from '@ansinh/domain';
import {
  generateHouseholds,
  loadNameWeights,
  type GenHousehold,
  type GeneratorArea,
  type GenPerson,
} from './registry-generator.js';

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

/**
 * Collects what is wrong across thousands of rows and asserts once: one `expect` per row would
 * make the test slow, and a list of offending rows says more than the first failure.
 */
function problems() {
  const found: string[] = [];
  return {
    check(ok: boolean, what: () => string): void {
      if (!ok && found.length < 20) found.push(what());
    },
    none(): void {
      expect(found).toEqual([]);
    },
  };
}

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
    expect(
      other[0]!.members[0]!.full_name === households[0]!.members[0]!.full_name &&
        other[0]!.address === households[0]!.address,
    ).toBe(false);
  });

  it('does not depend on the order the communes are passed in', () => {
    const reversed = [
      ...generateHouseholds({
        seed: 5,
        persons: 2000,
        communes: [...communes].reverse(),
        dataDir: DATA_DIR,
        today: TODAY,
      }),
    ];
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
    const bad = problems();
    for (const h of households) {
      const where = () => JSON.stringify({ ...h, members: h.members.length, statuses: h.statuses.length });
      bad.check(/^\d{5}-\d{6}$/.test(h.code) && !codes.has(h.code), () => `code: ${where()}`);
      codes.add(h.code);
      const [commune, seq] = h.code.split('-');
      bad.check(
        commune === h.commune_code && Number(seq) === (seqByCommune.get(h.commune_code) ?? 0) + 1,
        () => `sequence: ${where()}`,
      );
      seqByCommune.set(h.commune_code, Number(seq));
      const area = byCommune.get(h.commune_code)!;
      bad.check(
        h.province_code === '70' && h.district_code === area.districtCode && h.state === 'active',
        () => `area: ${where()}`,
      );
      const urban = area.type === 'ward' || area.type === 'township';
      bad.check(h.residence === (urban ? 'urban' : 'rural'), () => `residence: ${where()}`);
      if (urban) {
        bad.check(
          /^Tổ \d+, Khu phố \S/.test(h.village) && /^Số \d+(\/\d+)?, Tổ \d+, Khu phố /.test(h.address),
          () => `urban address: ${where()}`,
        );
        bad.check(h.address.endsWith(h.village), () => `address: ${where()}`);
      } else {
        bad.check(
          /^(Ấp|Thôn|Sóc) \S/.test(h.village) && h.address.endsWith(h.village),
          () => `rural address: ${where()}`,
        );
      }
      bad.check(h.phone === null || /^0[3789]\d{8}$/.test(h.phone), () => `phone: ${where()}`);
      bad.check(
        h.members.every((p) => p.village === h.village),
        () => `member village: ${where()}`,
      );
      bad.check(
        h.members[0]!.relation === 'head' && h.members.filter((p) => p.relation === 'head').length === 1,
        () => `head: ${where()}`,
      );
      bad.check(h.members[0]!.phone === h.phone, () => `head phone: ${where()}`);
    }
    bad.none();
    const withPhone = share(households.filter((h) => h.phone !== null).length, households.length);
    expect(withPhone).toBeGreaterThan(0.65);
    expect(withPhone).toBeLessThan(0.75);
    const phones = persons
      .flatMap((p) => (p.phone !== null && p.relation !== 'head' ? [p.phone] : []))
      .concat(households.flatMap((h) => (h.phone ? [h.phone] : [])));
    expect(new Set(phones).size).toBe(phones.length);
    for (const p of persons)
      if (p.phone !== null && !/^0[3789]\d{8}$/.test(p.phone)) expect(p.phone).toMatch(/^0[3789]\d{8}$/);
  });

  it('gives every person a clean NFC name of 2 to 5 syllables from the tables', () => {
    const w = loadNameWeights(DATA_DIR);
    const surnames = new Set(w.surnames.values);
    const bad = problems();
    for (const p of persons) {
      const name = p.full_name;
      const syllables = name.split(' ');
      bad.check(
        name.length > 0 &&
          name === name.normalize('NFC') &&
          syllables.length >= 2 &&
          syllables.length <= 5 &&
          syllables.every((s) => /^\p{Lu}\p{Ll}*$/u.test(s)) &&
          surnames.has(syllables[0]!),
        () => JSON.stringify(name),
      );
    }
    bad.none();
    const women = persons.filter((p) => p.gender === 'female');
    const thi = share(women.filter((p) => p.full_name.split(' ')[1] === 'Thị').length, women.length);
    expect(thi).toBeGreaterThan(0.5);
  });

  it('makes children younger than their parents and gives them the father’s surname', () => {
    const surname = (p: GenPerson) => p.full_name.split(' ')[0];
    const bad = problems();
    let children = 0;
    for (const h of households) {
      const where = () => JSON.stringify(h.members.map((p) => [p.relation, p.full_name, p.gender, p.birth_date]));
      const head = h.members[0]!;
      bad.check(2026 - year(head) >= 21 && 2026 - year(head) <= 86, () => `head age: ${where()}`);
      const spouse = h.members.find((p) => p.relation === 'spouse');
      bad.check(!spouse || spouse.gender !== head.gender, () => `spouse: ${where()}`);
      const father = head.gender === 'male' ? head : spouse?.gender === 'male' ? spouse : undefined;
      for (const p of h.members) {
        if (p.relation === 'child') {
          children++;
          bad.check(
            year(p) - year(head) >= 16 && (!spouse || year(p) - year(spouse) >= 16),
            () => `child age: ${where()}`,
          );
          bad.check(!father || surname(p) === surname(father), () => `child surname: ${where()}`);
        }
        if (p.relation === 'grandchild') bad.check(year(p) - year(head) >= 32, () => `grandchild age: ${where()}`);
        if (p.relation === 'parent') bad.check(year(head) - year(p) >= 16, () => `parent age: ${where()}`);
      }
    }
    bad.none();
    expect(children).toBeGreaterThan(persons.length / 4);
    const heads = households.map((h) => h.members[0]!);
    const male = share(heads.filter((p) => p.gender === 'male').length, heads.length);
    expect(male).toBeGreaterThan(0.6);
    expect(male).toBeLessThan(0.7);
  });

  it('writes birth dates as full dates mostly, some month/year and year only', () => {
    const full = share(persons.filter((p) => /^\d{4}-\d{2}-\d{2}$/.test(p.birth_date)).length, persons.length);
    const month = share(persons.filter((p) => /^\d{4}-\d{2}$/.test(p.birth_date)).length, persons.length);
    const only = share(persons.filter((p) => /^\d{4}$/.test(p.birth_date)).length, persons.length);
    expect(full + month + only).toBeCloseTo(1, 12);
    expect(full).toBeGreaterThan(0.8);
    expect(full).toBeLessThan(0.9);
    expect(month).toBeGreaterThan(0.06);
    expect(only).toBeGreaterThan(0.03);
    expect(persons.filter((p) => !(p.birth_date <= TODAY))).toEqual([]);
  });

  it('gives unique citizen IDs consistent with sex and birth year (docs/legal/identity.md)', () => {
    const ids = new Set<string>();
    let adults = 0;
    let adultsWithId = 0;
    let province070 = 0;
    const bad = problems();
    for (const p of persons) {
      const age = 2026 - year(p);
      if (age >= 15) {
        adults++;
        if (p.citizen_id) adultsWithId++;
      }
      if (p.old_id_number !== null) bad.check(checkOldIdCard(p.old_id_number).ok, () => `CMND ${p.old_id_number}`);
      if (p.citizen_id === null) continue;
      bad.check(
        /^\d{12}$/.test(p.citizen_id) && !ids.has(p.citizen_id),
        () => `duplicate or malformed ${p.citizen_id}`,
      );
      ids.add(p.citizen_id);
      const check = checkCitizenId(p.citizen_id, { gender: p.gender, birthYear: year(p) }, { today: TODAY });
      bad.check(
        check.ok,
        () => `${p.citizen_id} ${p.gender} ${p.birth_date}: ${check.problems.map((x) => x.code).join(', ')}`,
      );
      if (p.citizen_id.startsWith('070')) province070++;
    }
    bad.none();
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
    const codes = new Set(ETHNIC_GROUPS.map((g) => g.code));
    expect(persons.filter((p) => !codes.has(p.ethnic_code))).toEqual([]);
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
    const badDead = dead.filter(
      (p) =>
        p.relation === 'head' ||
        p.deceased_on! < '2021-11-29' ||
        p.deceased_on! > TODAY ||
        p.deceased_on! < p.birth_date ||
        p.statuses.length > 0,
    );
    expect(badDead).toEqual([]);
    expect(
      moved.filter(
        (p) =>
          p.relation === 'head' || p.moved_out_on! > TODAY || p.moved_out_on! < p.birth_date || p.statuses.length > 0,
      ),
    ).toEqual([]);
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
    const MERIT = new Set([
      'a',
      'b',
      'c',
      'd',
      'dd',
      'e',
      'g',
      'h',
      'i',
      'k',
      'l',
      'm',
      'relative_of_martyr',
      'relative',
    ]);
    const HI = new Set([
      'poor',
      'near_poor',
      'social_assistance',
      'meritorious',
      'ethnic_minority_difficult_area',
      'child_under_6',
      'elderly_80',
    ]);
    let sa = 0;
    let merit = 0;
    let disabled = 0;
    let under6 = 0;
    const bad = problems();
    for (const p of persons) {
      if (p.disability !== null) disabled++;
      const age = 2026 - year(p);
      const kinds = p.statuses.map((s) => s.kind);
      if (kinds.includes('social_assistance')) sa++;
      if (kinds.includes('meritorious')) merit++;
      const what = (s?: (typeof p.statuses)[number]) => () =>
        JSON.stringify({ ...p, statuses: s ?? p.statuses.length });
      bad.check(
        kinds.filter((k) => k === 'health_insurance').length <= 1 &&
          kinds.filter((k) => k === 'meritorious').length <= 1,
        what(),
      );
      for (const s of p.statuses) {
        const w = what(s);
        bad.check(
          /^\d{4}-\d{2}-\d{2}$/.test(s.valid_from) &&
            s.decision_date <= TODAY &&
            (s.valid_to === null || s.valid_to >= s.valid_from),
          w,
        );
        bad.check(s.decision_no.length > 0 && s.valid_from >= p.birth_date.slice(0, 4), w);
        switch (s.kind) {
          case 'social_assistance':
            bad.check(SA.has(s.category) && s.degree === null, w);
            bad.check(s.category !== '6_severe' || p.disability === 'severe', w);
            bad.check(s.category !== '6_especially_severe' || p.disability === 'especially_severe', w);
            bad.check(s.category !== '5c' || age >= 80, w);
            bad.check(s.category !== '5b' || (age >= 75 && age <= 81), w);
            bad.check(s.category !== '7' || (age <= 3 && s.valid_to !== null), w);
            bad.check(s.category !== '1' || age <= 16, w);
            break;
          case 'meritorious':
            bad.check(MERIT.has(s.category), w);
            bad.check(s.category !== 'g' || (s.degree !== null && s.degree >= 21 && s.degree <= 100), w);
            bad.check(s.category !== 'h' || (s.degree !== null && s.degree >= 41 && s.degree <= 100), w);
            bad.check(['g', 'h'].includes(s.category) || s.degree === null, w);
            bad.check(s.category !== 'd' || (p.gender === 'female' && age >= 90), w);
            bad.check(age >= 20, w);
            break;
          case 'ethnic_minority_area':
            bad.check(['difficult', 'extremely_difficult'].includes(s.category) && p.ethnic_code !== '01', w);
            break;
          case 'health_insurance':
            bad.check(HI.has(s.category), w);
            if (s.category === 'child_under_6') {
              under6++;
              bad.check(age <= 6 && s.valid_from === p.birth_date && s.valid_to! > TODAY, w);
            } else bad.check(s.valid_from === '2026-01-01' && s.valid_to === '2026-12-31', w);
            bad.check(s.category !== 'meritorious' || kinds.includes('meritorious'), w);
            bad.check(s.category !== 'social_assistance' || kinds.includes('social_assistance'), w);
            bad.check(s.category !== 'ethnic_minority_difficult_area' || kinds.includes('ethnic_minority_area'), w);
            break;
          default:
            bad.check(false, w);
        }
      }
    }
    bad.none();
    expect(under6).toBeGreaterThan(0);
    expect(share(sa, living.length)).toBeGreaterThan(0.012);
    expect(share(sa, living.length)).toBeLessThan(0.03);
    expect(share(merit, living.length)).toBeGreaterThan(0.004);
    expect(share(merit, living.length)).toBeLessThan(0.013);
    expect(share(disabled, persons.length)).toBeGreaterThan(0.009);
    expect(share(disabled, persons.length)).toBeLessThan(0.022);
    // Children under 6 and the poor are all insured; so are meritorious people.
    const uninsured: string[] = [];
    for (const h of households) {
      const poor = h.statuses.some((s) => s.category === 'poor');
      for (const p of h.members) {
        if (p.deceased_on !== null || p.moved_out_on !== null) continue;
        const insured = p.statuses.some((s) => s.kind === 'health_insurance');
        const due = poor || p.birth_date > '2020-11-29' || p.statuses.some((s) => s.kind === 'meritorious');
        if (due && !insured) uninsured.push(`${h.code} ${p.full_name} ${p.birth_date}`);
      }
    }
    expect(uninsured).toEqual([]);
  });

  it('only grants statuses the domain catalogue accepts (validateStatusGrant)', () => {
    const grant = (s: GenHousehold['statuses'][number], owner: { personId?: number; householdId?: number }) =>
      validateStatusGrant({
        kind: s.kind as StatusKind,
        category: s.category,
        year: s.year,
        degree: s.degree,
        ...owner,
        validFrom: s.valid_from,
        validTo: s.valid_to,
        decisionDate: s.decision_date,
        today: TODAY,
      });
    const found: string[] = [];
    let n = 0;
    for (const h of households) {
      for (const s of h.statuses) {
        n++;
        const problems = grant(s, { householdId: 1 });
        if (problems.length > 0 && found.length < 20)
          found.push(`${JSON.stringify(s)}: ${problems.map((x) => x.message).join('; ')}`);
      }
      for (const p of h.members) {
        for (const s of p.statuses) {
          n++;
          const problems = grant(s, { personId: 1 });
          if (problems.length > 0 && found.length < 20)
            found.push(`${JSON.stringify(s)}: ${problems.map((x) => x.message).join('; ')}`);
        }
      }
    }
    expect(found).toEqual([]);
    expect(n).toBeGreaterThan(1000);
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

#!/usr/bin/env node
// Converts the public reference data in ../shared/data (read-only, see its PROVENANCE.md)
// into the compact data files committed under data/. The product reads only data/;
// this script exists so the conversion can be reviewed and repeated.
//
//   node scripts/convert-shared-data.mjs            (source: <repo>/../shared/data)
//   SHARED_DATA=/path/to/shared/data node scripts/convert-shared-data.mjs
//
// Plain Node ESM, no dependencies. Exits non-zero if any check fails.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = resolve(process.env.SHARED_DATA ?? join(ROOT, '..', 'shared', 'data'));
const OUT = join(ROOT, 'data');

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

/** Thrown for problems in the source data: the conversion must stop rather than guess. */
function fail(message) {
  throw new Error(message);
}

/** RFC 4180 parser (quoted fields may contain commas, quotes and newlines). Returns rows of strings. */
function parseCsv(text) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // tolerate a BOM
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) fail('unterminated quoted field');
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Reads a CSV with a header line into objects; checks that the expected columns exist. */
function readCsv(path, requiredColumns = []) {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  for (const col of requiredColumns) {
    if (!header.includes(col)) fail(`${path}: missing column "${col}"`);
  }
  return rows.map((cells, i) => {
    if (cells.length !== header.length)
      fail(`${path}: line ${i + 2} has ${cells.length} fields, expected ${header.length}`);
    return Object.fromEntries(header.map((h, j) => [h, cells[j]]));
  });
}

const src = (...parts) => join(SRC, ...parts);

/** Quote only when needed (comma or quote), as the data format asks. Newlines are never expected. */
function csvField(value) {
  const s = value == null ? '' : String(value);
  if (/[\r\n]/.test(s)) fail(`field contains a line break: ${JSON.stringify(s)}`);
  return /[",]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

// Outputs are collected first and written only once every builder has succeeded, so a source
// problem never leaves data/ half converted.
const pending = new Map();

/** Queues a CSV: UTF-8, LF line endings, trailing newline. */
function writeCsv(relPath, header, rows) {
  const lines = [header.join(','), ...rows.map((r) => header.map((h) => csvField(r[h])).join(','))];
  pending.set(relPath, lines.join('\n') + '\n');
}

function writeJson(relPath, value) {
  pending.set(relPath, JSON.stringify(value, null, 2) + '\n');
}

function flushWrites() {
  for (const [relPath, text] of pending) {
    const path = join(OUT, relPath);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text, 'utf8');
  }
}

/** Code-point order: deterministic, independent of the ICU build. */
const byString = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

const countBy = (items, key) => {
  const counts = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};

// ---------------------------------------------------------------------------------------------
// Administrative units
// ---------------------------------------------------------------------------------------------

// Source unit_type strings (TLQ administrative_units.full_name) -> stable ASCII slugs, with the
// word the official full name must start with. Anything else is an error, not a silent "other".
const UNIT_TYPES = {
  Tỉnh: { type: 'province', prefix: 'Tỉnh ' },
  'Thành phố trực thuộc trung ương': { type: 'city', prefix: 'Thành phố ' },
  Huyện: { type: 'district', prefix: 'Huyện ' },
  'Thị xã': { type: 'town', prefix: 'Thị xã ' },
  'Thành phố thuộc tỉnh': { type: 'provincial_city', prefix: 'Thành phố ' },
  Quận: { type: 'urban_district', prefix: 'Quận ' },
  'Thành phố thuộc thành phố trực thuộc trung ương': { type: 'municipal_city', prefix: 'Thành phố ' },
  Xã: { type: 'commune', prefix: 'Xã ' },
  Phường: { type: 'ward', prefix: 'Phường ' },
  'Thị trấn': { type: 'township', prefix: 'Thị trấn ' },
  'Đặc khu tại hải đảo': { type: 'special_zone', prefix: 'Đặc khu ' },
  'Đặc khu': { type: 'special_zone', prefix: 'Đặc khu ' },
};
const LEVEL_OF_TYPE = {
  province: 1,
  city: 1,
  district: 2,
  town: 2,
  provincial_city: 2,
  urban_district: 2,
  municipal_city: 2,
  commune: 3,
  ward: 3,
  township: 3,
  special_zone: 3,
};
const CODE_LENGTH = { 1: 2, 2: 3, 3: 5 };

/** One source row -> output row {code, parent, type, name}. */
function toArea(row, parentCode, where) {
  const unit = UNIT_TYPES[row.unit_type];
  if (!unit) fail(`${where} ${row.code}: unknown unit_type "${row.unit_type}"`);
  if (!row.full_name.startsWith(unit.prefix)) {
    fail(`${where} ${row.code}: name "${row.full_name}" does not start with "${unit.prefix.trim()}"`);
  }
  return { code: row.code, parent: parentCode, type: unit.type, name: row.full_name };
}

/** Level order: all provinces, then all districts, then all communes, each by code. */
function levelOrder(areas) {
  const level = (a) => LEVEL_OF_TYPE[a.type];
  return [...areas].sort((a, b) => level(a) - level(b) || byString(a.code, b.code));
}

function loadPreReform() {
  const dir = 'admin_2025-03-01_pre_reform';
  const provinces = readCsv(src(dir, 'provinces.csv'), ['code', 'full_name', 'unit_type']);
  const districts = readCsv(src(dir, 'districts.csv'), ['code', 'full_name', 'unit_type', 'province_code']);
  const wards = readCsv(src(dir, 'wards.csv'), ['code', 'full_name', 'unit_type', 'district_code', 'province_code']);
  // wards.csv repeats the province code; make sure it agrees with the district's province.
  const provinceOfDistrict = new Map(districts.map((d) => [d.code, d.province_code]));
  for (const w of wards) {
    if (provinceOfDistrict.get(w.district_code) !== w.province_code) {
      fail(`pre-reform ward ${w.code}: province ${w.province_code} disagrees with district ${w.district_code}`);
    }
  }
  return levelOrder([
    ...provinces.map((p) => toArea(p, '', 'pre-reform province')),
    ...districts.map((d) => toArea(d, d.province_code, 'pre-reform district')),
    ...wards.map((w) => toArea(w, w.district_code, 'pre-reform ward')),
  ]);
}

// Spelling fixes applied on top of a source list. Each states the value it expects to replace,
// so a changed source makes the script fail instead of silently overwriting something else.
const POST_REFORM_FIXES = [
  // TLQ v3.0.2 "corrected" this to Phó citing QĐ 19/2025 and later reverted; NQ 1684/NQ-UBTVQH15,
  // CV 1027/CTK-CSCL and TLQ HEAD say Phố Bảng (PROVENANCE.md, admin_2025-07-01_post_reform).
  { code: '00745', from: 'Xã Phó Bảng', to: 'Xã Phố Bảng' },
];

function applyFixes(areas, fixes, listId) {
  for (const fix of fixes) {
    const area = areas.find((a) => a.code === fix.code);
    if (!area) fail(`${listId}: fix target ${fix.code} not found`);
    if (area.name !== fix.from) fail(`${listId}: ${fix.code} is "${area.name}", expected "${fix.from}" before fixing`);
    area.name = fix.to;
  }
  return areas;
}

/** The two-level lists (2025-07-01 and the derived 2026-04-30) share one file layout. */
function loadTwoLevel(dir, listId) {
  const provinces = readCsv(src(dir, 'provinces.csv'), ['code', 'full_name', 'unit_type', 'ward_count']);
  const wards = readCsv(src(dir, 'wards.csv'), ['code', 'full_name', 'unit_type', 'province_code']);
  // provinces.csv carries its own ward_count: cross-check it, it is cheap and catches truncation.
  const perProvince = countBy(wards, (w) => w.province_code);
  for (const p of provinces) {
    if (Number(p.ward_count) !== (perProvince[p.code] ?? 0)) {
      fail(`${listId}: province ${p.code} ward_count ${p.ward_count} but ${perProvince[p.code] ?? 0} wards listed`);
    }
  }
  return levelOrder([
    ...provinces.map((p) => toArea(p, '', `${listId} province`)),
    ...wards.map((w) => toArea(w, w.province_code, `${listId} ward`)),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Old -> new mapping (1 July 2025)
// ---------------------------------------------------------------------------------------------

function buildWardMapping(preAreas, postAreas) {
  const dir = 'mapping_2025-07-01_old_to_new';
  const rows = readCsv(src(dir, 'ward_old_to_new.csv'), [
    'old_ward_code',
    'old_district_code',
    'new_ward_code',
    'coverage',
    'flags',
  ]);
  const stale = new Set(
    readCsv(src('admin_2025-03-01_pre_reform', 'gso_webservice_extra_entries_not_in_canonical.csv'), ['ward_code']).map(
      (r) => r.ward_code,
    ),
  );

  const preByCode = new Map(preAreas.map((a) => [a.code, a]));
  const postCodes = new Set(postAreas.filter((a) => LEVEL_OF_TYPE[a.type] === 3).map((a) => a.code));
  const districtsWithCommunes = new Set(preAreas.filter((a) => LEVEL_OF_TYPE[a.type] === 3).map((a) => a.parent));

  const out = [];
  const skipped = [];
  for (const r of rows) {
    // Island districts without communes are mapped as a whole: their row has no old ward code.
    const isDistrictRow = r.old_ward_code === '';
    const oldCode = isDistrictRow ? r.old_district_code : r.old_ward_code;
    const old = preByCode.get(oldCode);
    if (!old) {
      // Only the known stale GSO web-service entries may be dropped; anything else is a real gap.
      if (isDistrictRow || !stale.has(oldCode))
        fail(`mapping: old code ${oldCode} is neither canonical nor a known stale entry`);
      skipped.push(oldCode);
      continue;
    }
    if (isDistrictRow && (LEVEL_OF_TYPE[old.type] !== 2 || districtsWithCommunes.has(oldCode))) {
      fail(`mapping: district-level row ${oldCode} is not a district without communes`);
    }
    if (!isDistrictRow && LEVEL_OF_TYPE[old.type] !== 3) fail(`mapping: ${oldCode} is not a commune`);
    if (!postCodes.has(r.new_ward_code))
      fail(`mapping: new code ${r.new_ward_code} (from ${oldCode}) not in vn-2025-07-01`);
    if (r.coverage !== 'full' && r.coverage !== 'partial') fail(`mapping: ${oldCode} has coverage "${r.coverage}"`);
    out.push({ old_code: oldCode, new_code: r.new_ward_code, coverage: r.coverage });
  }

  checkMappingCoverage(out, preAreas, postCodes);
  out.sort(
    (a, b) =>
      a.old_code.length - b.old_code.length || byString(a.old_code, b.old_code) || byString(a.new_code, b.new_code),
  );
  return { rows: out, skipped };
}

/** Every canonical old commune (and commune-less district) must be mapped, and "full" means one target. */
function checkMappingCoverage(mapping, preAreas, postCodes) {
  const targets = countBy(mapping, (m) => m.old_code);
  const seenPairs = new Set();
  for (const m of mapping) {
    const pair = `${m.old_code}>${m.new_code}`;
    if (seenPairs.has(pair)) fail(`mapping: duplicate pair ${pair}`);
    seenPairs.add(pair);
    if (m.coverage === 'full' && targets[m.old_code] !== 1)
      fail(`mapping: ${m.old_code} is "full" but has ${targets[m.old_code]} targets`);
  }
  const districtsWithCommunes = new Set(preAreas.filter((a) => LEVEL_OF_TYPE[a.type] === 3).map((a) => a.parent));
  for (const a of preAreas) {
    const needsRow = LEVEL_OF_TYPE[a.type] === 3 || (LEVEL_OF_TYPE[a.type] === 2 && !districtsWithCommunes.has(a.code));
    if (needsRow && !targets[a.code]) fail(`mapping: canonical old unit ${a.code} ${a.name} is not mapped`);
  }
  const reached = new Set(mapping.map((m) => m.new_code));
  for (const code of postCodes)
    if (!reached.has(code)) fail(`mapping: new unit ${code} is not reached by any old unit`);
}

function buildProvinceMapping(preAreas, postAreas) {
  const rows = readCsv(src('mapping_2025-07-01_old_to_new', 'province_old_to_new.csv'), [
    'old_province_code',
    'new_province_code',
  ]);
  const oldCodes = new Set(preAreas.filter((a) => LEVEL_OF_TYPE[a.type] === 1).map((a) => a.code));
  const newCodes = new Set(postAreas.filter((a) => LEVEL_OF_TYPE[a.type] === 1).map((a) => a.code));
  const out = rows.map((r) => {
    if (!oldCodes.has(r.old_province_code)) fail(`province mapping: old ${r.old_province_code} unknown`);
    if (!newCodes.has(r.new_province_code)) fail(`province mapping: new ${r.new_province_code} unknown`);
    return { old_code: r.old_province_code, new_code: r.new_province_code };
  });
  if (new Set(out.map((r) => r.old_code)).size !== oldCodes.size)
    fail('province mapping: not every old province mapped exactly once');
  if (new Set(out.map((r) => r.new_code)).size !== newCodes.size)
    fail('province mapping: not every new province reached');
  return out.sort((a, b) => byString(a.old_code, b.old_code));
}

// ---------------------------------------------------------------------------------------------
// Ethnic groups
// ---------------------------------------------------------------------------------------------

// Modern spellings listed in PROVENANCE.md §3 ("Modern publications write ..."), keyed by code
// because the names differ only in hyphenation and tone placement; match on code, not on name.
const ETHNIC_MODERN_NAMES = {
  '05': 'Khmer',
  '08': 'Mông',
  10: 'Gia Rai',
  12: 'Ê Đê',
  13: 'Ba Na',
  14: 'Xơ Đăng',
  16: 'Cơ Ho',
  21: 'Raglay',
  27: 'Giẻ Triêng',
  31: 'Tà Ôi',
  47: 'Cờ Lao',
  54: 'Rơ Măm',
};

function buildEthnicGroups() {
  const rows = readCsv(src('ethnic_groups', 'vn_ethnic_groups_qd121_tctk.csv'), ['code', 'name']);
  // 55 "Người nước ngoài" is a category for foreigners, not one of the 54 groups.
  const groups = rows
    .filter((r) => r.code !== '55')
    .map((r) => ({
      code: r.code,
      name: r.name,
      modern_name: ETHNIC_MODERN_NAMES[r.code] ?? r.name,
    }));
  const expected = Array.from({ length: 54 }, (_, i) => String(i + 1).padStart(2, '0'));
  if (groups.map((g) => g.code).join() !== expected.join())
    fail('ethnic groups: codes are not exactly 01..54 in order');
  return groups;
}

// ---------------------------------------------------------------------------------------------
// Name weights for the synthetic-name generator (aggregates only; never real full names)
// ---------------------------------------------------------------------------------------------

const SURNAME_MIN_COUNT = 3; // UIT sample: below this the tail is mostly typos and mojibake
const NAME_PART_MIN_COUNT = 5; // ngxson sample: PROVENANCE recommends ≥ 5

// UIT sample: VNI-encoded names read as Latin-1 (mojibake) and a misplaced tone mark.
// Unambiguous, so they are folded into the correct spelling before filtering.
const SURNAME_FIXES = { Buøi: 'Bùi', Ñoã: 'Đỗ', Döông: 'Dương', Ñinh: 'Đinh', Huøynh: 'Huỳnh', Hùynh: 'Huỳnh' };
// "Băši": undecodable mojibake. "Y": the Ê Đê/Jrai male name prefix, not a surname.
const SURNAME_DROP = new Set(['Băši', 'Y']);

// ngxson sample, at counts ≥ 5: a wrong tone mark that yields a non-name and has one obvious reading.
const NAME_PART_FIXES = {
  Hửu: 'Hữu',
  Vủ: 'Vũ',
  'Thị Mỷ': 'Thị Mỹ',
  Diểm: 'Diễm',
  'Thị Diểm': 'Thị Diễm',
  'Thi Thu': 'Thị Thu',
  Liểu: 'Liễu',
  Hão: 'Hảo',
};
// Unaccented forms with several possible readings (Thuy: Thủy/Thúy/Thùy; The: Thế/Thể; Tho: Thơ/Thọ).
const NAME_PART_DROP = new Set(['Thuy', 'The', 'Tho']);

/** Integer weights summing exactly to `total` (largest-remainder rounding of proportional shares). */
function toIntegerWeights(entries, total) {
  const sum = entries.reduce((s, e) => s + e.share, 0);
  const scaled = entries.map((e) => ({ ...e, exact: (e.share / sum) * total }));
  scaled.forEach((e) => {
    e.weight = Math.floor(e.exact);
  });
  let missing = total - scaled.reduce((s, e) => s + e.weight, 0);
  const byRemainder = [...scaled].sort((a, b) => b.exact - b.weight - (a.exact - a.weight) || byString(a.key, b.key));
  for (const e of byRemainder) {
    if (missing-- <= 0) break;
    e.weight += 1;
  }
  return scaled.filter((e) => e.weight > 0);
}

function buildSurnames() {
  const national = readCsv(src('names', 'surname_share_national_estimate.csv'), ['surname', 'share_percent']);
  // The 14 named rows; "Hoàng / Huỳnh" and "Vũ / Võ" are one Hán character with northern/southern
  // spellings. Split evenly: the province is in the south, so Huỳnh/Võ must not be starved.
  const named = [];
  let remainderPercent = null;
  for (const r of national) {
    const share = Number(r.share_percent);
    if (r.surname.startsWith('(')) {
      remainderPercent = share;
      continue;
    }
    const spellings = r.surname.split('/').map((s) => s.trim());
    for (const s of spellings) named.push({ key: s, share: share / spellings.length });
  }
  const namedTotal = named.reduce((s, e) => s + e.share, 0);
  if (named.length !== 16) fail(`surnames: expected 14 rows (16 spellings), got ${named.length} spellings`);
  if (remainderPercent == null || Math.abs(namedTotal + remainderPercent - 100) > 1e-9)
    fail('surnames: shares do not add up to 100');

  // Everything else: spread the remainder over the UIT sample in proportion to its counts.
  const namedSet = new Set(named.map((e) => e.key));
  const uit = {};
  for (const r of readCsv(src('names', 'sample_uit_surname_counts.csv'), ['surname', 'count'])) {
    const s = SURNAME_FIXES[r.surname] ?? r.surname;
    uit[s] = (uit[s] ?? 0) + Number(r.count);
  }
  const others = Object.entries(uit)
    .filter(([s, n]) => n >= SURNAME_MIN_COUNT && !namedSet.has(s) && !SURNAME_DROP.has(s))
    .map(([s, n]) => ({ key: s, count: n }));
  const othersTotal = others.reduce((s, e) => s + e.count, 0);
  const entries = [...named, ...others.map((e) => ({ key: e.key, share: (remainderPercent * e.count) / othersTotal }))];
  return toIntegerWeights(entries, 100000)
    .sort((a, b) => b.weight - a.weight || byString(a.key, b.key))
    .map((e) => ({ surname: e.key, weight: e.weight }));
}

/** Middle or given name counts for one gender, typo-folded, filtered to count ≥ NAME_PART_MIN_COUNT. */
function buildNamePart(file, keyColumn, countColumn, outColumn) {
  const counts = {};
  for (const r of readCsv(src('names', file), [keyColumn, countColumn])) {
    let key = r[keyColumn] === '(none)' ? '' : r[keyColumn]; // "(none)": person without a middle name
    key = NAME_PART_FIXES[key] ?? key;
    if (NAME_PART_DROP.has(key)) continue;
    counts[key] = (counts[key] ?? 0) + Number(r[countColumn]);
  }
  return Object.entries(counts)
    .filter(([, n]) => n >= NAME_PART_MIN_COUNT)
    .sort(([ka, a], [kb, b]) => b - a || byString(ka, kb))
    .map(([k, n]) => ({ [outColumn]: k, weight: n }));
}

// ---------------------------------------------------------------------------------------------
// Checks on what was written (read back from data/, so they test the committed files)
// ---------------------------------------------------------------------------------------------

const problems = [];
const check = (ok, message) => {
  if (!ok) problems.push(message);
  return ok;
};

/** NFC, no leading/trailing/double spaces, no control characters. */
function cleanText(s) {
  return s === s.normalize('NFC') && s === s.trim() && !s.includes('  ') && !/[\p{Cc}\u00a0]/u.test(s);
}

function checkAreaFile(listId, expectedByLevel) {
  const text = readFileSync(join(OUT, 'areas', `${listId}.csv`), 'utf8');
  check(!text.includes('\r'), `${listId}: contains CR`);
  check(text.split('\n', 1)[0] === 'code,parent,type,name', `${listId}: wrong header`);
  const rows = readCsv(join(OUT, 'areas', `${listId}.csv`));
  const byCode = new Map();
  let lastLevel = 0;
  let lastCode = '';
  for (const r of rows) {
    const level = LEVEL_OF_TYPE[r.type];
    if (!check(level, `${listId} ${r.code}: unknown type ${r.type}`)) continue;
    check(!byCode.has(r.code), `${listId}: duplicate code ${r.code}`);
    byCode.set(r.code, r);
    check(new RegExp(`^\\d{${CODE_LENGTH[level]}}$`).test(r.code), `${listId} ${r.code}: bad code for level ${level}`);
    check(cleanText(r.name) && r.name !== '', `${listId} ${r.code}: unclean name ${JSON.stringify(r.name)}`);
    check(level > lastLevel || (level === lastLevel && r.code > lastCode), `${listId} ${r.code}: out of order`);
    lastLevel = level;
    lastCode = r.code;
  }
  for (const r of rows) {
    const level = LEVEL_OF_TYPE[r.type];
    if (level === 1) {
      check(r.parent === '', `${listId} ${r.code}: province with a parent`);
      continue;
    }
    const parent = byCode.get(r.parent);
    // In a two-level list communes hang directly off provinces.
    const parentLevel = level === 3 && expectedByLevel[2] === 0 ? 1 : level - 1;
    check(
      parent && LEVEL_OF_TYPE[parent.type] === parentLevel,
      `${listId} ${r.code}: parent ${r.parent} does not resolve`,
    );
  }
  const byLevel = countBy(rows, (r) => LEVEL_OF_TYPE[r.type]);
  for (const level of [1, 2, 3]) {
    check(
      (byLevel[level] ?? 0) === expectedByLevel[level],
      `${listId}: level ${level} has ${byLevel[level] ?? 0} units, expected ${expectedByLevel[level]}`,
    );
  }
  return rows;
}

function checkBinhPhuoc(preRows) {
  const districts = preRows.filter((r) => r.parent === '70');
  const districtCodes = new Set(districts.map((r) => r.code));
  const communes = preRows.filter((r) => districtCodes.has(r.parent));
  check(districts.length === 11, `Bình Phước (70): ${districts.length} districts, expected 11`);
  check(communes.length === 111, `Bình Phước (70): ${communes.length} communes, expected 111`);
  return { districts: districts.length, communes: communes.length };
}

/** Header, unique key, clean text in every field, positive integer weights. */
function checkSimpleFile(relPath, header, keyOf, { allowEmptyKey = false } = {}) {
  const text = readFileSync(join(OUT, relPath), 'utf8');
  check(!text.includes('\r'), `${relPath}: contains CR`);
  check(text.split('\n', 1)[0] === header.join(','), `${relPath}: wrong header`);
  const rows = readCsv(join(OUT, relPath));
  const keys = new Set();
  for (const r of rows) {
    const key = typeof keyOf === 'function' ? keyOf(r) : r[keyOf];
    check(!keys.has(key), `${relPath}: duplicate ${JSON.stringify(key)}`);
    keys.add(key);
    check(key !== '' || allowEmptyKey, `${relPath}: empty key`);
    for (const h of header) check(cleanText(r[h]), `${relPath}: unclean ${h} ${JSON.stringify(r[h])}`);
    if ('weight' in r) check(/^[1-9]\d*$/.test(r.weight), `${relPath}: bad weight for ${JSON.stringify(key)}`);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

const TLQ = 'thanglequoc/vietnamese-provinces-database (MIT)';
const LISTS = [
  {
    id: 'vn-2025-03-01',
    validFrom: '2025-03-01',
    validTo: '2025-06-30',
    levels: 3,
    expected: { 1: 63, 2: 696, 3: 10035 },
    source:
      `${TLQ} tag v2.4.1 fc33b7411ec4e3697817fab8118718a8d39ef090, postgresql/ImportData_vn_units.sql; ` +
      'GSO Danh mục đơn vị hành chính after NQ 1365/NQ-UBTVQH15 (effective 2025-03-01); via shared/data/admin_2025-03-01_pre_reform',
    load: loadPreReform,
  },
  {
    id: 'vn-2025-07-01',
    validFrom: '2025-07-01',
    validTo: '2026-04-29',
    levels: 2,
    expected: { 1: 34, 2: 0, 3: 3321 },
    source:
      `${TLQ} tag v3.0.2 78594ea643d5fdebd640ea3889ea91f84b9463ae, json/full_json_generated_data_vn_units.json; ` +
      'QĐ 19/2025/QĐ-TTg, CV 915 and CV 1027/CTK-CSCL; 00745 corrected to "Xã Phố Bảng" (NQ 1684/NQ-UBTVQH15); via shared/data/admin_2025-07-01_post_reform',
    load: () =>
      applyFixes(loadTwoLevel('admin_2025-07-01_post_reform', 'vn-2025-07-01'), POST_REFORM_FIXES, 'vn-2025-07-01'),
  },
  {
    id: 'vn-2026-04-30',
    validFrom: '2026-04-30',
    validTo: null,
    levels: 2,
    expected: { 1: 34, 2: 0, 3: 3321 },
    source:
      'vn-2025-07-01 plus the 11 legal changes of NQ 30/2026/QH16 and NQ 237/NQ-UBTVQH16 (effective 2026-04-30) ' +
      `taken from ${TLQ} HEAD cd58063299585146ded3981f2272946ef19ced54 (JSON built 2026-07-25), official "Hòa/Thủy" spelling kept; ` +
      'via shared/data/admin_2026-04-30_current_derived',
    load: () => loadTwoLevel('admin_2026-04-30_current_derived', 'vn-2026-04-30'),
  },
];

/** Per type slug, in the fixed slug order (not first-seen order) so the JSON diff stays stable. */
function countsByType(areas) {
  const counts = countBy(areas, (a) => a.type);
  return Object.fromEntries(
    Object.keys(LEVEL_OF_TYPE)
      .filter((t) => counts[t])
      .map((t) => [t, counts[t]]),
  );
}

/** Per level; plural keys so they cannot be confused with the type slugs "province"/"district". */
function countsByLevel(areas) {
  const counts = countBy(areas, (a) => LEVEL_OF_TYPE[a.type]);
  const totals = { provinces: counts[1] ?? 0, districts: counts[2] ?? 0, communes: counts[3] ?? 0 };
  if (!totals.districts) delete totals.districts;
  return totals;
}

function main() {
  console.log(`source: ${SRC}\noutput: ${OUT}\n`);
  const areas = {};
  for (const list of LISTS) {
    areas[list.id] = list.load();
    writeCsv(`areas/${list.id}.csv`, ['code', 'parent', 'type', 'name'], areas[list.id]);
  }

  const wardMapping = buildWardMapping(areas['vn-2025-03-01'], areas['vn-2025-07-01']);
  writeCsv('areas/mapping-2025-07-01.csv', ['old_code', 'new_code', 'coverage'], wardMapping.rows);
  const provinceMapping = buildProvinceMapping(areas['vn-2025-03-01'], areas['vn-2025-07-01']);
  writeCsv('areas/mapping-2025-07-01-provinces.csv', ['old_code', 'new_code'], provinceMapping);

  writeJson('areas/lists.json', {
    lists: LISTS.map((l) => ({
      id: l.id,
      file: `${l.id}.csv`,
      validFrom: l.validFrom,
      validTo: l.validTo,
      levels: l.levels,
      source: l.source,
      counts: countsByType(areas[l.id]),
      totals: countsByLevel(areas[l.id]),
    })),
    mappings: [
      {
        file: 'mapping-2025-07-01.csv',
        provinceFile: 'mapping-2025-07-01-provinces.csv',
        from: 'vn-2025-03-01',
        to: 'vn-2025-07-01',
        effective: '2025-07-01',
        source:
          'dvhcvn/20250701 dd94887ce32324380bc5bb0a76fe39867dafc73b (MIT), mapping/splits.json + merges.json; ' +
          'LLM-built from NQ 1654–1687/NQ-UBTVQH15, hand-checked; new codes reconciled to TLQ (06970→06978, 23737→23938); ' +
          `${wardMapping.skipped.length} stale GSO entries dropped; via shared/data/mapping_2025-07-01_old_to_new`,
      },
    ],
  });

  writeCsv('ethnic-groups.csv', ['code', 'name', 'modern_name'], buildEthnicGroups());
  writeCsv('names/surnames.csv', ['surname', 'weight'], buildSurnames());
  const middle = 'sample_ngxson_middle_name_counts_by_gender.csv';
  const given = 'sample_ngxson_given_name_counts_by_gender.csv';
  writeCsv('names/middle-male.csv', ['middle', 'weight'], buildNamePart(middle, 'middle_name', 'count_male', 'middle'));
  writeCsv(
    'names/middle-female.csv',
    ['middle', 'weight'],
    buildNamePart(middle, 'middle_name', 'count_female', 'middle'),
  );
  writeCsv('names/given-male.csv', ['given', 'weight'], buildNamePart(given, 'given_name', 'count_male', 'given'));
  writeCsv('names/given-female.csv', ['given', 'weight'], buildNamePart(given, 'given_name', 'count_female', 'given'));

  flushWrites();
  report(wardMapping.skipped);
}

function report(skippedMappingCodes) {
  for (const list of LISTS) {
    const rows = checkAreaFile(list.id, list.expected);
    const byType = countBy(rows, (r) => r.type);
    console.log(
      `${list.id}.csv: ${rows.length} rows  ` +
        Object.entries(byType)
          .map(([t, n]) => `${t}=${n}`)
          .join(' '),
    );
    if (list.id === 'vn-2025-03-01') {
      const bp = checkBinhPhuoc(rows);
      console.log(`  Bình Phước (70): ${bp.districts} districts, ${bp.communes} communes`);
    }
  }
  const mapping = checkSimpleFile(
    'areas/mapping-2025-07-01.csv',
    ['old_code', 'new_code', 'coverage'],
    (m) => `${m.old_code}>${m.new_code}`,
  );
  console.log(
    `mapping-2025-07-01.csv: ${mapping.length} rows, ${new Set(mapping.map((m) => m.old_code)).size} old codes ` +
      `(${mapping.filter((m) => m.old_code.length === 3).length} district-level), ` +
      `${mapping.filter((m) => m.coverage === 'partial').length} partial; skipped ${skippedMappingCodes.length} stale: ${skippedMappingCodes.join(' ')}`,
  );
  const provinces = readCsv(join(OUT, 'areas', 'mapping-2025-07-01-provinces.csv'));
  console.log(`mapping-2025-07-01-provinces.csv: ${provinces.length} rows`);
  check(provinces.length === 63, 'province mapping: expected 63 rows');

  const ethnic = checkSimpleFile('ethnic-groups.csv', ['code', 'name', 'modern_name'], 'code');
  check(ethnic.length === 54, `ethnic-groups.csv: ${ethnic.length} rows, expected 54`);
  console.log(
    `ethnic-groups.csv: ${ethnic.length} rows (${ethnic.filter((e) => e.name !== e.modern_name).length} with a modern spelling)`,
  );

  const surnames = checkSimpleFile('names/surnames.csv', ['surname', 'weight'], 'surname');
  const surnameSum = surnames.reduce((s, r) => s + Number(r.weight), 0);
  check(surnameSum === 100000, `surnames.csv: weights sum to ${surnameSum}`);
  console.log(`names/surnames.csv: ${surnames.length} rows, weights sum ${surnameSum}`);
  for (const file of ['middle-male', 'middle-female', 'given-male', 'given-female']) {
    const key = file.startsWith('middle') ? 'middle' : 'given';
    const rows = checkSimpleFile(`names/${file}.csv`, [key, 'weight'], key, { allowEmptyKey: key === 'middle' });
    console.log(
      `names/${file}.csv: ${rows.length} rows, weights sum ${rows.reduce((s, r) => s + Number(r.weight), 0)}`,
    );
  }

  if (problems.length) {
    console.error(`\nFAILED: ${problems.length} problem(s)`);
    for (const p of problems.slice(0, 50)) console.error(`  - ${p}`);
    process.exit(1);
  }
  console.log('\nall checks passed');
}

try {
  main();
} catch (err) {
  console.error(`\nFAILED: ${err.message}`);
  process.exit(1);
}

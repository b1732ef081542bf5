/**
 * Dossier codes: TT 01/2018/TT-VPCP Art. 19 (docs/legal/one-stop.md): `V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX`
 * — the receiving agency's code (the format of QĐ 20/2020/QĐ-TTg, e.g. 000.00.31.H70), the
 * receipt date, and a 4-digit sequence of that agency on that day.
 */
export const DOSSIER_CODE_RE = /^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})-(\d{2})(\d{2})(\d{2})-(\d{4})$/;
export const AGENCY_CODE_RE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

/**
 * The agency code of the one-stop counter of an area. AnSinh does not ship the official list
 * of agency codes (QĐ 20/2020/QĐ-TTg): it derives a code of the right shape from the area codes
 * (demo codes; a province replaces them with its own): province `000.00.31.H<pp>` (the
 * department), district `000.<last 2 of district>.31.H<pp>`, commune `<last 3 of commune>.<last 2 of
 * district or 00>.31.H<pp>`.
 */
export function agencyCode(area: {
  provinceCode: string;
  districtCode: string | null;
  communeCode: string | null;
  level: 1 | 2 | 3;
}): string {
  const p = area.provinceCode.padStart(2, '0').slice(-2);
  const dd = area.districtCode ? area.districtCode.slice(-2) : '00';
  if (area.level === 1) return `000.00.31.H${p}`;
  if (area.level === 2) return `000.${dd}.31.H${p}`;
  return `${(area.communeCode ?? '000').slice(-3)}.${dd}.31.H${p}`;
}

/** A dossier code from its agency, the receipt date (YYYY-MM-DD, Vietnam) and the day's sequence. */
export function formatDossierCode(agency: string, receivedDate: string, seq: number): string {
  if (!AGENCY_CODE_RE.test(agency)) throw new RangeError(`Not an agency code: ${agency}`);
  if (seq < 1 || seq > 9999) throw new RangeError(`Sequence out of range: ${seq}`);
  return `${agency}-${receivedDate.slice(2, 4)}${receivedDate.slice(5, 7)}${receivedDate.slice(8, 10)}-${String(seq).padStart(4, '0')}`;
}

/** The parts of a dossier code, or null when it does not have the official shape. */
export function parseDossierCode(code: string): { agency: string; date: string; seq: number } | null {
  const m = DOSSIER_CODE_RE.exec(code.trim().toUpperCase());
  if (!m) return null;
  return { agency: m[1]!, date: `20${m[2]}-${m[3]}-${m[4]}`, seq: Number(m[5]) };
}

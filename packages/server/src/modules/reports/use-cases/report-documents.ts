import type { ReportChanges, ReportOut, ReportPreview } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { buildDocx } from '../reports.docx.js';
import { changeText } from '../reports.render.js';
import { buildAnnex } from '../reports.xlsx.js';
import type { Frozen, ReportFigures } from './report-figures.js';

/** The file name of a report's document or annex. */
function fileName(r: ReportOut, ext: string): string {
  const base = `bao-cao-${r.templateCode}-${r.year}${r.quarter ? `-q${r.quarter}` : ''}-${r.id}`;
  return ext === 'xlsx' ? `${base}-phu-luc.xlsx` : `${base}.${ext}`;
}

/**
 * What a reader gets of a report inside their area: the preview (each figure with how it was
 * obtained), the DOCX in the Decree 30/2020 layout, the XLSX annex, and what changed in the
 * figures since the report was issued.
 */
export function reportDocuments(rf: ReportFigures) {
  return {
    async preview(actor: Actor, id: number): Promise<ReportPreview> {
      const { byArea: _ignored, ...p } = await rf.preview(actor, id);
      return p;
    },

    /** What changed in the figures of an issued report since it was issued (a regeneration). */
    async changes(actor: Actor, id: number): Promise<ReportChanges> {
      const { row, area } = await rf.loadReport(actor, id);
      if (!row.figures_json) return { issuedAt: null, asOf: row.as_of, items: [] };
      const before = new Map((JSON.parse(row.figures_json) as Frozen).figures.map((f) => [f.key, f]));
      const now = await rf.computeFigures(row, area);
      const items: ReportChanges['items'] = [];
      for (const f of now) {
        const a = changeText(before.get(f.key));
        const b = changeText(f);
        if (a !== b) items.push({ key: f.key, name: f.name, before: a, after: b });
      }
      return { issuedAt: row.issued_at, asOf: row.as_of, items };
    },

    /** The report as a DOCX in the Decree 30/2020 layout. */
    async docx(actor: Actor, id: number): Promise<{ data: Buffer; fileName: string }> {
      const p = await rf.preview(actor, id);
      return { data: await buildDocx(p), fileName: fileName(p.report, 'docx') };
    },

    /** The annex: every figure, how it was obtained, and its breakdown by area. */
    async annex(actor: Actor, id: number): Promise<{ data: Buffer; fileName: string }> {
      const p = await rf.preview(actor, id);
      const { row, area } = await rf.loadReport(actor, id);
      const byArea = p.byArea ?? (await rf.breakdown(row, area, p.figures));
      return { data: await buildAnnex(p, byArea), fileName: fileName(p.report, 'xlsx') };
    },
  };
}

import type { BenefitDecisionKind } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { meritReaders } from '../repo/readers.repo.js';
import type { MeritContext, MeritRegistry } from './context.js';

interface RecordRow {
  person_id: number;
  category: string;
  degree: number | null;
}
interface Decision {
  kind: BenefitDecisionKind;
  effectiveMonth: string;
  decisionNo: string;
  decisionDate: string;
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const END_REASON: Partial<Record<BenefitDecisionKind, string>> = {
  change: 'Điều chỉnh trợ cấp',
  suspension: 'Tạm đình chỉ trợ cấp',
  termination: 'Chấm dứt trợ cấp',
};

/**
 * A benefit decision sets the person's meritorious status in the registry, effective from the
 * first day of its effective month (docs/modules/merit.md, "Registry statuses"): a grant or a
 * resumption opens a status of the record's category when none is open; a change ends the open
 * one the day before and opens one under the new decision; a suspension or a termination ends it
 * the day before. Runs after the decision is committed, through the registry service (its own
 * transaction and audit, as the poverty recognition does); it reads the open statuses first, so
 * running it again for the same decision changes nothing.
 */
export async function applyDecisionToRegistry(
  c: MeritContext,
  registry: MeritRegistry | undefined,
  actor: Actor,
  r: RecordRow,
  d: Decision,
): Promise<void> {
  if (!registry) return;
  const from = `${d.effectiveMonth}-01`;
  const open = (await meritReaders.meritoriousStatuses(c.db, r.person_id)).filter((s) => s.category === r.category);
  const endReason = END_REASON[d.kind];
  if (endReason) {
    for (const s of open) {
      if (s.decision_no === d.decisionNo) continue;
      const validTo = dayBefore(from) < s.valid_from ? s.valid_from : dayBefore(from);
      await registry.endStatus(actor, Number(s.id), {
        validTo,
        reason: `${endReason} theo quyết định ${d.decisionNo}`,
      });
    }
  }
  const opens = d.kind === 'grant' || d.kind === 'resumption' || d.kind === 'change';
  const stillOpen = d.kind === 'change' ? open.filter((s) => s.decision_no === d.decisionNo) : open;
  if (opens && stillOpen.length === 0) {
    await registry.grantStatus(actor, {
      kind: 'meritorious',
      personId: r.person_id,
      category: r.category,
      ...(r.degree != null ? { degree: r.degree } : {}),
      validFrom: from,
      decisionNo: d.decisionNo,
      decisionDate: d.decisionDate,
    });
  }
}

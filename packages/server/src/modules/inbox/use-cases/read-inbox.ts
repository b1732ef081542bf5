import { INBOX_KINDS, todayInVietnam, type InboxKind, type InboxOut } from '@ansinh/domain';
import type { Database } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { agencyScope, areaColumnScope, scopePattern } from '../../../platform/authz.js';
import { presentInbox } from '../inbox.presenter.js';
import { inboxPolicy } from '../inbox.policy.js';
import { inboxDossiersRepo } from '../repo/dossiers.repo.js';
import { inboxImportsRepo } from '../repo/imports.repo.js';
import { inboxListsRepo } from '../repo/lists.repo.js';
import { inboxPetitionsRepo } from '../repo/petitions.repo.js';
import type { KindAnswer } from '../repo/types.js';

export interface InboxDeps {
  readonly database: Pick<Database, 'db'>;
}

/** How many items of each kind the inbox shows (the count says how many wait in all). */
export const INBOX_LIMIT = 20;
/** Finished imports stay in the inbox this many days. */
const IMPORT_DAYS = 7;

/**
 * What waits for the actor, across modules: one reader per kind the inbox policy gives the
 * actor's role, each limited in SQL to the actor's area. Kinds the role is not given are left out
 * (not counted as zero), so the web app shows only work this person can be given.
 */
export function readInboxUseCases({ database }: InboxDeps) {
  return {
    async inbox(actor: Actor, today = todayInVietnam()): Promise<InboxOut> {
      inboxPolicy.guard(actor, 'read');
      const db = database.db;
      const codes = areaColumnScope(actor);
      const agency = agencyScope(actor);
      const path = scopePattern(actor);
      const kinds = INBOX_KINDS.filter((k) => inboxPolicy.can(actor, k));
      const since = new Date(Date.parse(`${today}T00:00:00+07:00`) - IMPORT_DAYS * 86_400_000).toISOString();
      const readers: Record<InboxKind, () => Promise<KindAnswer>> = {
        list_prepare: () => inboxListsRepo.lists(db, codes, agency, 'prepare', INBOX_LIMIT),
        list_fix: () => inboxListsRepo.lists(db, codes, agency, 'fix', INBOX_LIMIT),
        list_appraise: () => inboxListsRepo.lists(db, codes, agency, 'appraise', INBOX_LIMIT),
        list_approve: () => inboxListsRepo.lists(db, codes, agency, 'approve', INBOX_LIMIT),
        list_sign: () => inboxListsRepo.lists(db, codes, agency, 'approve', INBOX_LIMIT),
        remark_answer: () => inboxListsRepo.remarks(db, codes, agency, INBOX_LIMIT),
        dossier_due: () => inboxDossiersRepo.heldHere(db, codes, actor.areaCode ?? '__none__', today, INBOX_LIMIT),
        letter_due: () => inboxPetitionsRepo.letters(db, actor.userId ?? -1, path, today, INBOX_LIMIT),
        case_due: () => inboxPetitionsRepo.cases(db, actor.userId ?? -1, path, today, INBOX_LIMIT),
        import_done: () => inboxImportsRepo.finished(db, actor.username, path, since, INBOX_LIMIT),
      };
      const answers: [InboxKind, KindAnswer][] = [];
      // One after the other: SQLite serialises anyway, and a PostgreSQL pool is shared.
      for (const k of kinds) answers.push([k, await readers[k]()]);
      return presentInbox(answers, today, INBOX_LIMIT);
    },
  };
}

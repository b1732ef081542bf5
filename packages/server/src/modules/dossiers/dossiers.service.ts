import { dossiersContext, type DossiersDeps } from './use-cases/context.js';
import { apology } from './use-cases/apology.js';
import { dossierFiles } from './use-cases/dossier-files.js';
import { forwardDossier } from './use-cases/forward-dossier.js';
import { importProcedures } from './use-cases/import-procedures.js';
import { myQueue } from './use-cases/my-queue.js';
import { procedures } from './use-cases/procedures.js';
import { publicLookup } from './use-cases/public-lookup.js';
import { readDossiers } from './use-cases/read-dossiers.js';
import { receiveDossier } from './use-cases/receive-dossier.js';
import { recordResult } from './use-cases/record-result.js';
import { refuseWithdraw } from './use-cases/refuse-withdraw.js';
import { supplement } from './use-cases/supplement.js';
import { transitions } from './use-cases/transition.js';
import { drainOutbox, notifyChannel, type NotifyChannel } from './dossiers.outbox.js';
import type { Actor } from '../../platform/actor.js';

export type { DossiersDeps } from './use-cases/context.js';
export { MAX_FILE_BYTES, sniffMime } from './use-cases/dossier-files.js';

/**
 * Administrative procedures: the catalogue, dossiers across levels, deadlines, lookup, statistics.
 * Each use case lives in `use-cases/`; this only assembles them into the module's service object.
 */
export function createDossiersService(deps: DossiersDeps) {
  const c = dossiersContext(deps);
  const reader = readDossiers(c);
  const t = transitions(c, reader);
  let channel: NotifyChannel | null = deps.channel ?? null;

  return {
    // ---------- catalogue ----------
    ...procedures(c),
    ...importProcedures(c),
    // ---------- dossiers ----------
    ...receiveDossier(c, reader),
    get: (actor: Actor, id: number) => reader.detail(actor, id),
    ...myQueue(c, reader),
    ...forwardDossier(t),
    ...recordResult(t),
    ...supplement(c, t),
    ...refuseWithdraw(t),
    ...apology(c, t),
    ...dossierFiles(c, reader, t),
    ...publicLookup(c),

    /** Send pending notifications through the configured channel; returns how many were sent. */
    async drainOutbox(): Promise<number> {
      channel ??= notifyChannel({ channel: 'log' });
      return drainOutbox(c.database, channel, c.now());
    },
  };
}

export type DossiersService = ReturnType<typeof createDossiersService>;

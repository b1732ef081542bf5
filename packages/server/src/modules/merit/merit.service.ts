import { meritContext, type MeritDeps } from './use-cases/context.js';
import { decisions } from './use-cases/decisions.js';
import { dossierLink } from './use-cases/dossier-link.js';
import { forms } from './use-cases/forms.js';
import { gifts } from './use-cases/gifts.js';
import { martyrs } from './use-cases/martyrs.js';
import { records } from './use-cases/records.js';
import { remains } from './use-cases/remains.js';
import { transfers } from './use-cases/transfers.js';

export type { MeritDeps } from './use-cases/context.js';

/**
 * People with meritorious service: records and benefit decisions, transfers between provinces,
 * martyrs and graves, remains and DNA samples, gifts by source, housing, the yearly count. Each
 * use case lives in `use-cases/`; this only assembles them into the module's service object.
 */
export function createMeritService(deps: MeritDeps) {
  const c = meritContext(deps);
  const rec = records(c);
  return {
    ...rec,
    ...decisions(c, rec),
    ...dossierLink(c, rec),
    ...transfers(c, rec),
    ...martyrs(c),
    ...remains(c),
    ...gifts(c, rec),
    ...forms(c),
  };
}

export type MeritService = ReturnType<typeof createMeritService>;

import { defaultCalendar, todayInVietnam, type WorkCalendar } from '@ansinh/domain';
import type { Database, Executor } from '../../../db/database.js';
import type { AreasService } from '../../areas/index.js';
import type { NotifyChannel } from '../dossiers.outbox.js';

export interface DossiersDeps {
  database: Database;
  areas: Pick<AreasService, 'pathOf' | 'namesOf'>;
  /** The clock (the seed and tests replay a year); default the system clock. */
  now?: () => Date;
  calendar?: WorkCalendar;
  channel?: NotifyChannel;
  /** Answer transitions without the timeline and files (the demo seed replays hundreds). */
  lean?: boolean;
}

/** What every use case of the module shares: the database, the clock, the working calendar. */
export interface DossiersContext {
  database: Database;
  db: Executor;
  areas: Pick<AreasService, 'pathOf' | 'namesOf'>;
  now: () => Date;
  nowIso: () => string;
  today: () => string;
  cal: WorkCalendar;
  lean: boolean;
}

export function dossiersContext(deps: DossiersDeps): DossiersContext {
  const now = deps.now ?? (() => new Date());
  return {
    database: deps.database,
    db: deps.database.db,
    areas: deps.areas,
    now,
    nowIso: () => now().toISOString(),
    today: () => todayInVietnam(now()),
    cal: deps.calendar ?? defaultCalendar,
    lean: deps.lean ?? false,
  };
}

/** Dossier states in which the clock runs or is paused (not closed). */
export const OPEN = ['processing', 'supplement'];

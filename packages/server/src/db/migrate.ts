import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './database.js';
import * as m0001 from './migrations/0001-platform.js';
import * as m0002 from './migrations/0002-registry.js';
import * as m0003 from './migrations/0003-programs.js';
import * as m0004 from './migrations/0004-dossiers.js';
import * as m0005 from './migrations/0005-reports.js';
import * as m0006 from './migrations/0006-report-numbers.js';
import * as m0007 from './migrations/0007-catalogue-province.js';
import * as m0008 from './migrations/0008-province-settings.js';
import * as m0009 from './migrations/0009-public-lookup.js';
import * as m0010 from './migrations/0010-petitions.js';
import * as m0011 from './migrations/0011-poverty.js';
import * as m0012 from './migrations/0012-employment.js';
import * as m0013 from './migrations/0013-merit.js';
import * as m0014 from './migrations/0014-interop.js';
import * as m0015 from './migrations/0015-search-indexes.js';
import * as m0016 from './migrations/0016-registry-transfers.js';
import * as m0018 from './migrations/0018-dated-figures.js';
import * as m0019 from './migrations/0019-program-groups.js';
import * as m0020 from './migrations/0020-report-values-lifecycle.js';
import * as m0022 from './migrations/0022-poverty-groups.js';
import * as m0023 from './migrations/0023-petitions-check.js';
import * as m0025 from './migrations/0025-merit-grave-keys.js';
import * as m0026 from './migrations/0026-merit-record-dossier.js';
import * as m0028 from './migrations/0028-agencies.js';
import * as m0029 from './migrations/0029-report-templates.js';
import * as m0030 from './migrations/0030-organisation.js';
import * as m0031 from './migrations/0031-activities.js';
import * as m0032 from './migrations/0032-outside-lists.js';
import * as m0033 from './migrations/0033-poverty-scores.js';
import * as m0034 from './migrations/0034-scale.js';
import * as m0035 from './migrations/0035-search-covering.js';
import * as m0036 from './migrations/0036-area-report-indexes.js';
import * as m0038 from './migrations/0038-background-jobs.js';
import * as m0039 from './migrations/0039-session-changes.js';
import * as m0040 from './migrations/0040-dossier-name-trigrams.js';
import * as m0041 from './migrations/0041-statuses-holder-covering.js';
import * as m0042 from './migrations/0042-area-report-degree.js';

type DialectMigration = { up(db: Parameters<Migration['up']>[0], dialect: Database['dialect']): Promise<void> };

/** Ordered list; names are stable forever (they are stored in kysely_migration). */
const MIGRATIONS: Record<string, DialectMigration> = {
  '0001-platform': m0001,
  '0002-registry': m0002,
  '0003-programs': m0003,
  '0004-dossiers': m0004,
  '0005-reports': m0005,
  '0006-report-numbers': m0006,
  '0007-catalogue-province': m0007,
  '0008-province-settings': m0008,
  '0009-public-lookup': m0009,
  '0010-petitions': m0010,
  '0011-poverty': m0011,
  '0012-employment': m0012,
  '0013-merit': m0013,
  '0014-interop': m0014,
  '0015-search-indexes': m0015,
  '0016-registry-transfers': m0016,
  '0018-dated-figures': m0018,
  '0019-program-groups': m0019,
  '0020-report-values-lifecycle': m0020,
  '0022-poverty-groups': m0022,
  '0023-petitions-check': m0023,
  '0025-merit-grave-keys': m0025,
  '0026-merit-record-dossier': m0026,
  '0028-agencies': m0028,
  '0029-report-templates': m0029,
  '0030-organisation': m0030,
  '0031-activities': m0031,
  '0032-outside-lists': m0032,
  '0033-poverty-scores': m0033,
  '0034-scale': m0034,
  '0035-search-covering': m0035,
  '0036-area-report-indexes': m0036,
  '0038-background-jobs': m0038,
  '0039-session-changes': m0039,
  '0040-dossier-name-trigrams': m0040,
  '0041-statuses-holder-covering': m0041,
  '0042-area-report-degree': m0042,
};

class StaticProvider implements MigrationProvider {
  constructor(private readonly dialect: Database['dialect']) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, m] of Object.entries(MIGRATIONS)) {
      out[name] = { up: (db) => m.up(db, this.dialect) };
    }
    return out;
  }
}

/** Bring the schema up to date; throws (and changes nothing more) if a migration fails. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const migrator = new Migrator({ db: database.db, provider: new StaticProvider(database.dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

import type { Services } from '../app.js';
import type { Database } from '../db/database.js';

/** Demo records of the programs module for the demo province. */
export async function seedProgramsDemo(database: Database, services: Services, opts: { provinceCode: string; seed: number }): Promise<void> {
  void database;
  void services;
  void opts;
}

import type { Executor } from '../../../db/database.js';

/** SQL of the files attached to dossiers. */
export const filesRepo = {
  async list(db: Executor, dossierId: number) {
    return db
      .selectFrom('dossier_files')
      .select(['id', 'name', 'mime', 'size', 'uploaded_at', 'uploaded_by'])
      .where('dossier_id', '=', dossierId)
      .orderBy('id')
      .execute();
  },
  async one(db: Executor, dossierId: number, fileId: number) {
    return db
      .selectFrom('dossier_files')
      .selectAll()
      .where('dossier_id', '=', dossierId)
      .where('id', '=', fileId)
      .executeTakeFirst();
  },
  async add(
    db: Executor,
    row: {
      dossier_id: number;
      name: string;
      mime: string;
      size: number;
      sha256: string;
      content: Uint8Array;
      uploaded_by: string;
      uploaded_at: string;
    },
  ) {
    const r = await db.insertInto('dossier_files').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  },
};

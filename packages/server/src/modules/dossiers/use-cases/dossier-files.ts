import { createHash } from 'node:crypto';
import type { DossierOut } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { errors } from '../../../platform/errors.js';
import { filesRepo } from '../repo/files.repo.js';
import type { DossiersContext } from './context.js';
import type { DossierReader } from './read-dossiers.js';
import type { Transitions } from './transition.js';

/** Accepted attachments, recognised by their first bytes (not by the name the browser sends). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export function sniffMime(buf: Uint8Array): string | null {
  const b = (i: number) => buf[i] ?? -1;
  if (b(0) === 0x25 && b(1) === 0x50 && b(2) === 0x44 && b(3) === 0x46) return 'application/pdf';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'image/png';
  return null;
}

/**
 * Papers attached to an open dossier (scans and photos of what the applicant brought) by the level
 * holding it or the receiving counter, and downloaded by whoever may read the dossier.
 */
export function dossierFiles(c: DossiersContext, reader: DossierReader, t: Transitions) {
  return {
    /** Attach a PDF, JPEG or PNG (checked by its first bytes, at most 10 MB). */
    async attach(actor: Actor, id: number, file: { name: string; data: Buffer }): Promise<DossierOut> {
      const mime = sniffMime(file.data);
      if (!mime)
        throw errors.badRequest(
          'FILE_TYPE',
          'Chỉ nhận tệp PDF, JPEG hoặc PNG. Chụp hoặc quét lại giấy tờ ở một trong các dạng đó.',
        );
      if (file.data.length > MAX_FILE_BYTES)
        throw errors.badRequest('FILE_TOO_LARGE', 'Tệp lớn hơn 10 MB. Quét ở độ phân giải thấp hơn rồi gửi lại.');
      if (file.data.length === 0) throw errors.badRequest('FILE_EMPTY', 'Tệp rỗng. Chọn lại tệp.');
      return t.transition(actor, id, 'file', ['processing', 'supplement'], async (trx, _d, _s, at) => {
        const name = file.name.replace(/[\\/\r\n"]/g, '_').slice(0, 200) || 'tep';
        await filesRepo.add(trx, {
          dossier_id: id,
          name,
          mime,
          size: file.data.length,
          sha256: createHash('sha256').update(file.data).digest('hex'),
          content: file.data,
          uploaded_by: actor.username,
          uploaded_at: at,
        });
        return { note: name };
      });
    },

    /** One attached file of a dossier the actor may read. */
    async file(actor: Actor, id: number, fileId: number) {
      await reader.load(actor, id);
      const f = await filesRepo.one(c.db, id, fileId);
      if (!f) throw errors.notFound('Tệp');
      return { name: f.name, mime: f.mime, content: Buffer.from(f.content) };
    },
  };
}

import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from './errors.js';
import { readFirstSheet, type SheetLimits } from './xlsx-read.js';

/**
 * The worker side of `readFirstSheetOffThread`: unzip and scan the sheet away from the event
 * loop, then hand the rows back in slices small enough to take in without stalling requests.
 */
const SLICE = 2000;
const { buf, limits } = workerData as { buf: Uint8Array; limits: SheetLimits };
try {
  const rows = readFirstSheet(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), limits);
  for (let i = 0; i < rows.length; i += SLICE) parentPort!.postMessage({ rows: rows.slice(i, i + SLICE) });
  parentPort!.postMessage({ done: true });
} catch (err) {
  parentPort!.postMessage({
    error:
      err instanceof AppError
        ? { status: err.status, code: err.code, message: err.message }
        : { message: err instanceof Error ? err.message : String(err) },
  });
}

import { createPrivateKey, createPublicKey, randomUUID, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../../platform/audit.js';

/**
 * The SPDCI message envelope (signature, header, message): acknowledgements, error answers,
 * callback headers and signature checks (docs/modules/interop.md "Signatures").
 */
export const REG_TYPE = 'ns:org:RegistryType:Social';
export const RECEIVER_ID = 'ansinh-sr';

export type DciErrorCode =
  | 'err.request.bad'
  | 'err.request.unauthorized'
  | 'err.request.forbidden'
  | 'err.request.not_found'
  | 'err.sender_uri.invalid'
  | 'err.signature.missing'
  | 'err.signature.invalid'
  | 'err.version.not_supported'
  | 'err.encryption.invalid'
  | 'err.service.unavailable';

export interface Envelope {
  signature?: unknown;
  header: Record<string, unknown> & {
    action?: unknown;
    sender_id?: unknown;
    sender_uri?: unknown;
    message_id?: unknown;
  };
  message: Record<string, unknown>;
}

export const newCorrelationId = (): string => randomUUID();
export const nowTs = (): string => new Date().toISOString();

export function ack(correlationId: string) {
  return { message: { ack_status: 'ACK' as const, timestamp: nowTs(), correlation_id: correlationId } };
}

export function err(correlationId: string, code: DciErrorCode, message: string) {
  return {
    message: {
      ack_status: 'ERR' as const,
      timestamp: nowTs(),
      correlation_id: correlationId,
      error: { code, message },
    },
  };
}

/** An error raised while reading a request, answered as an HTTP error with the DCI error body. */
export class DciError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: DciErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Header of an answer (sync answers and callbacks): MsgCallbackHeader. */
export function callbackHeader(action: string, to: string, count: number, status: 'succ' | 'rjct' = 'succ') {
  return {
    version: '1.0.0',
    message_id: randomUUID(),
    message_ts: nowTs(),
    action,
    status,
    total_count: count,
    completed_count: count,
    sender_id: RECEIVER_ID,
    receiver_id: to,
    is_msg_encrypted: false,
  };
}

/** Check the envelope's shape: a header with an action and a message object (schema-invalid requests are refused). */
export function readEnvelope(body: unknown, action: string): Envelope {
  const b = body as Partial<Envelope> | null;
  if (!b || typeof b !== 'object') throw new DciError(400, 'err.request.bad', 'Body must be a JSON envelope');
  if (!b.header || typeof b.header !== 'object') throw new DciError(400, 'err.request.bad', 'header is required');
  if (!b.message || typeof b.message !== 'object' || Array.isArray(b.message))
    throw new DciError(400, 'err.request.bad', 'message is required');
  if (b.header.action !== undefined && b.header.action !== action)
    throw new DciError(400, 'err.request.bad', `header.action must be "${action}"`);
  if (b.header.version !== undefined && !String(b.header.version).startsWith('1.'))
    throw new DciError(400, 'err.version.not_supported', 'Only version 1.x is supported');
  if (typeof b.header.message_id !== 'string' || typeof b.header.sender_id !== 'string')
    throw new DciError(400, 'err.request.bad', 'header.message_id and header.sender_id are required');
  if (b.header.is_msg_encrypted === true)
    throw new DciError(400, 'err.encryption.invalid', 'Encrypted messages are not accepted');
  return b as Envelope;
}

/** The bytes a partner signs: the canonical JSON (sorted keys) of `{header, message}`. */
export function signedBytes(env: Pick<Envelope, 'header' | 'message'>): Buffer {
  return Buffer.from(canonicalJson({ header: env.header, message: env.message }) ?? '', 'utf8');
}

/**
 * Verify the envelope signature with the partner's Ed25519 public key (PEM). Mode 'none' accepts
 * any value (the partner was registered without keys); 'ed25519' refuses missing or bad ones.
 */
export function checkSignature(mode: string, publicKeyPem: string | null, env: Envelope): void {
  if (mode === 'none') return;
  const sig = env.signature;
  if (typeof sig !== 'string' || !sig)
    throw new DciError(401, 'err.signature.missing', 'Message signature is required');
  let ok = false;
  try {
    const raw = Buffer.from(sig, 'base64');
    ok = raw.length === 64 && verify(null, signedBytes(env), createPublicKey(publicKeyPem ?? ''), raw);
  } catch {
    ok = false;
  }
  if (!ok) throw new DciError(401, 'err.signature.invalid', 'Message signature does not verify');
}

/** AnSinh's own Ed25519 signing key (PEM, from ANSINH_DCI_SIGNING_KEY), or null: answers go unsigned. */
export function loadSigningKey(pem: string | undefined): KeyObject | null {
  return pem ? createPrivateKey(pem.replace(/\\n/g, '\n')) : null;
}

/** An outgoing envelope, signed like the incoming ones are checked (`signedBytes`), when a key is set. */
export function signed<T extends { header: Record<string, unknown>; message: unknown }>(key: KeyObject | null, env: T) {
  if (!key) return env;
  return { signature: sign(null, signedBytes(env as unknown as Envelope), key).toString('base64'), ...env };
}

import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors, isUniqueViolation } from '../../../platform/errors.js';
import { provinceScope } from '../../../platform/authz.js';
import { interopPolicy } from '../interop.policy.js';
import { disclosuresRepo } from '../repo/disclosures.repo.js';
import { partnersRepo } from '../repo/partners.repo.js';
import { registryReaderRepo } from '../repo/registry-reader.repo.js';
import { sha256 } from './partner-auth.js';
import { RECORD_FIELDS, type InteropDeps } from './shared.js';

export interface NewPartnerInput {
  name: string;
  kind: 'consumer' | 'crvs';
  clientId: string;
  secret: string;
  /** The area it may read (a province, district or commune code). */
  areaCode: string;
  fields: string[];
  purposes: string[];
  signatureMode?: 'none' | 'ed25519';
  publicKey?: string | null;
  callbackPrefix?: string | null;
  baseUrl?: string | null;
}

/** Register a partner system (administrator or CLI); its secret is stored hashed; audited. */
export async function createPartner(deps: InteropDeps, actor: Actor, input: NewPartnerInput) {
  const area = await registryReaderRepo.area(deps.database.db, input.areaCode);
  if (!area) throw errors.badRequest('AREA_UNKNOWN', `Mã địa bàn ${input.areaCode} không có trong danh mục.`);
  const provinceCode = area.path.split('/').filter(Boolean)[0]!;
  interopPolicy.guard(actor, 'partners', { provinceCode });
  const bad = input.fields.filter((f) => !(RECORD_FIELDS as readonly string[]).includes(f));
  if (bad.length)
    throw errors.badRequest(
      'FIELDS_UNKNOWN',
      `Trường không hợp lệ: ${bad.join(', ')}. Chọn trong: ${RECORD_FIELDS.join(', ')}.`,
    );
  if (!input.purposes.length)
    throw errors.badRequest('PURPOSE_REQUIRED', 'Ghi ít nhất một mục đích sử dụng dữ liệu đã thỏa thuận.');
  if (input.secret.length < 24)
    throw errors.badRequest('SECRET_SHORT', 'Mật khẩu đối tác (client secret) cần ít nhất 24 ký tự.');
  const mode = input.signatureMode ?? 'none';
  if (mode === 'ed25519' && !input.publicKey)
    throw errors.badRequest('KEY_REQUIRED', 'Chế độ ký ed25519 cần khóa công khai (PEM) của đối tác.');
  try {
    return await inTransaction(deps.database, actor, async (trx, audit) => {
      const id = await partnersRepo.insert(trx, {
        name: input.name,
        kind: input.kind,
        client_id: input.clientId,
        secret_hash: sha256(input.secret),
        province_code: provinceCode,
        area_code: area.code,
        area_level: area.level,
        allowed_fields: JSON.stringify(input.fields),
        allowed_purposes: JSON.stringify(input.purposes),
        signature_mode: mode,
        public_key: input.publicKey ?? null,
        callback_prefix: input.callbackPrefix ?? null,
        base_url: input.baseUrl ?? null,
        inbound_hash: null,
        created_at: nowIso(),
      });
      await audit({
        action: 'interop.partner.create',
        entity: 'interop_partner',
        entityId: id,
        areaCode: area.code,
        after: {
          name: input.name,
          kind: input.kind,
          clientId: input.clientId,
          areaCode: area.code,
          fields: input.fields,
          purposes: input.purposes,
          mode,
        },
      });
      return { id, clientId: input.clientId, provinceCode, areaCode: area.code };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw errors.conflict('CLIENT_ID_TAKEN', `Mã đối tác ${input.clientId} đã có.`);
    throw err;
  }
}

/** Partners of the actor's province (never their secrets). */
export async function listPartners(deps: InteropDeps, actor: Actor) {
  interopPolicy.guard(actor, 'partners');
  return partnersRepo.list(deps.database.db, provinceScope(actor));
}

/** The disclosure log of the actor's province (what was given to whom, for which purpose). */
export async function listDisclosures(deps: InteropDeps, actor: Actor, partnerId: number | null) {
  interopPolicy.guard(actor, 'disclosures');
  return disclosuresRepo.list(deps.database.db, provinceScope(actor), partnerId);
}

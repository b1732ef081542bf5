import type { KeyObject } from 'node:crypto';
import type { Database } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { systemActor } from '../../../platform/actor.js';
import type { RegistryService } from '../../registry/index.js';
import type { PartnerRow } from '../repo/partners.repo.js';
import type { PartnerScope } from '../repo/registry-reader.repo.js';

/** What the interop use cases need. */
export interface InteropDeps {
  database: Database;
  registry: Pick<RegistryService, 'updatePerson'>;
  /** Sends one JSON POST (tests replace it); resolves to the HTTP status. */
  post: (uri: string, body: unknown) => Promise<number>;
  /** The public base URL of this AnSinh (for the CRVS notify address). */
  publicUrl: string;
  /** AnSinh's signing key for outgoing messages (null: unsigned). */
  signingKey: KeyObject | null;
}

/** A partner as a request sees it: who, where it may read, which fields and purposes. */
export interface Partner {
  id: number;
  clientId: string;
  name: string;
  kind: string;
  provinceCode: string;
  scope: PartnerScope;
  fields: string[];
  purposes: string[];
  signatureMode: string;
  publicKey: string | null;
  callbackPrefix: string | null;
  baseUrl: string | null;
}

export function toPartner(r: PartnerRow): Partner {
  return {
    id: Number(r.id),
    clientId: r.client_id,
    name: r.name,
    kind: r.kind,
    provinceCode: r.province_code,
    scope: {
      column: r.area_level === 1 ? 'province_code' : r.area_level === 2 ? 'district_code' : 'commune_code',
      code: r.area_code,
    },
    fields: JSON.parse(r.allowed_fields) as string[],
    purposes: JSON.parse(r.allowed_purposes) as string[],
    signatureMode: r.signature_mode,
    publicKey: r.public_key,
    callbackPrefix: r.callback_prefix,
    baseUrl: r.base_url,
  };
}

/** The actor a partner's requests are audited as ("partner:<client id>"). */
export function partnerActor(p: Partner, req?: { ip?: string; requestId?: string }): Actor {
  return { ...systemActor(`partner:${p.clientId}`), ip: req?.ip ?? null, requestId: req?.requestId ?? null };
}

/** The record fields a partner can be given (agreed field by field at registration). */
export const RECORD_FIELDS = [
  'identifier',
  'name',
  'sex',
  'birth_date',
  'location',
  'household',
  'memberships',
  'vital_status',
] as const;

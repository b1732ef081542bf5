import type { AgencyOut } from '@ansinh/domain';
import type { AgencyRow } from './repo/agencies.repo.js';

const list = (json: string): string[] => {
  const v = JSON.parse(json) as unknown;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};

export function presentAgency(r: AgencyRow): AgencyOut {
  return {
    id: Number(r.id),
    provinceCode: r.province_code,
    code: r.code,
    name: r.name,
    headerName: r.header_name,
    parentName: r.parent_name,
    symbol: r.symbol,
    place: r.place,
    signerAuthority: r.signer_authority,
    signerTitle: r.signer_title,
    signerName: r.signer_name,
    recipients: list(r.recipients_json),
    fields: list(r.fields_json),
    activeFrom: r.active_from,
    activeTo: r.active_to,
    updatedAt: String(r.updated_at),
  };
}

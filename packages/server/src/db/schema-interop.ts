import type { Generated } from 'kysely';

/** Tables of the interop module (see schema.ts for the conventions; migration 0014-interop). */
export interface InteropTables {
  interop_partners: InteropPartnersTable;
  interop_tokens: InteropTokensTable;
  interop_transactions: InteropTransactionsTable;
  interop_subscriptions: InteropSubscriptionsTable;
  interop_outbox: InteropOutboxTable;
  interop_crvs_events: InteropCrvsEventsTable;
  interop_disclosures: InteropDisclosuresTable;
}

export interface InteropPartnersTable {
  id: Generated<number>;
  name: string;
  kind: string;
  client_id: string;
  secret_hash: string;
  province_code: string;
  area_code: string;
  area_level: number;
  allowed_fields: string;
  allowed_purposes: string;
  signature_mode: string;
  public_key: string | null;
  callback_prefix: string | null;
  base_url: string | null;
  inbound_hash: string | null;
  active: Generated<number>;
  created_at: string;
}

export interface InteropTokensTable {
  id: Generated<number>;
  token_hash: string;
  partner_id: number;
  province_code: string;
  expires_at: string;
  created_at: string;
}

export interface InteropTransactionsTable {
  id: Generated<number>;
  partner_id: number;
  province_code: string;
  transaction_id: string;
  correlation_id: string;
  action: string;
  status: string;
  response: string | null;
  created_at: string;
  updated_at: string;
}

export interface InteropSubscriptionsTable {
  id: Generated<number>;
  code: string;
  partner_id: number;
  province_code: string;
  event_type: string;
  filter: string | null;
  notify_uri: string | null;
  status: string;
  created_at: string;
  ended_at: string | null;
}

export interface InteropOutboxTable {
  id: Generated<number>;
  partner_id: number;
  province_code: string;
  uri: string;
  payload: string;
  attempts: Generated<number>;
  next_at: string;
  sent_at: string | null;
  last_error: string | null;
  created_at: string;
}

export interface InteropCrvsEventsTable {
  id: Generated<number>;
  partner_id: number;
  event_id: string;
  event_type: string;
  citizen_id: string | null;
  full_name: string | null;
  event_date: string | null;
  payload: string;
  state: string;
  person_id: number | null;
  province_code: string;
  district_code: string | null;
  commune_code: string | null;
  decided_by: string | null;
  decided_at: string | null;
  received_at: string;
}

export interface InteropDisclosuresTable {
  id: Generated<number>;
  partner_id: number;
  province_code: string;
  action: string;
  purpose: string;
  transaction_id: string | null;
  query: string | null;
  records: number;
  fields: string;
  created_at: string;
}

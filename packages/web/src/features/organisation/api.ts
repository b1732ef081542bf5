import { OrgUnitOut, OrgUnitPage, StaffingList, StaffingOut } from '@ansinh/domain';
import type { OrgUnitBody, StaffingBody } from '@ansinh/domain';
import { request } from '../../kernel/http';

export const orgKeys = {
  all: ['organisation'] as const,
  units: (onDate: string | undefined) => ['organisation', 'units', onDate ?? ''] as const,
  staffing: ['organisation', 'staffing'] as const,
};

/** The organisation register's endpoints (contracts in @ansinh/domain). */
export const organisationApi = {
  units: (onDate: string | undefined, signal?: AbortSignal) =>
    request<OrgUnitPage>('GET', '/organisation/units', {
      query: { onDate, pageSize: 500 },
      schema: OrgUnitPage,
      signal,
    }),
  createUnit: (body: OrgUnitBody) => request<OrgUnitOut>('POST', '/organisation/units', { body, schema: OrgUnitOut }),
  updateUnit: (id: number, body: OrgUnitBody) =>
    request<OrgUnitOut>('PUT', `/organisation/units/${id}`, { body, schema: OrgUnitOut }),
  staffing: (signal?: AbortSignal) =>
    request<StaffingList>('GET', '/organisation/staffing', { schema: StaffingList, signal }),
  putStaffing: (year: number, body: StaffingBody) =>
    request<StaffingOut>('PUT', `/organisation/staffing/${year}`, { body, schema: StaffingOut }),
};

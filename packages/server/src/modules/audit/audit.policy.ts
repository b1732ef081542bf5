import { definePolicy } from '../../platform/authz.js';

/** The administrator and the Department's inspectorate read the audit log. */
export const auditPolicy = definePolicy('audit', {
  read: ['admin', 'inspector'],
});

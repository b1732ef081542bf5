import { ROLES } from '@ansinh/domain';
import { definePolicy } from '../../platform/authz.js';

/** Everyone signed in may read areas within their scope; only an admin loads a new list. */
export const areasPolicy = definePolicy('areas', {
  read: ROLES,
  import: ['admin'],
});

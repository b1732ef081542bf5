import { definePolicy } from '../../platform/authz.js';

/** Only an administrator manages accounts, and only inside their own area. */
export const usersPolicy = definePolicy('users', {
  manage: ['admin'],
});

// The session calls (login, logout, me, change password) live in the kernel: the shell needs them
// before any feature loads. This feature's pages use them from here.
export { authApi, meKey } from '../../kernel/authApi';

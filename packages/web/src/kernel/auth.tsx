import { createContext, useCallback, useContext, useMemo, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { Ability, LoginBody, Me } from '@ansinh/domain';
import { ApiError, setCsrfToken } from './http';
import { authApi, meKey } from './authApi';

interface AuthValue {
  /** The signed-in user, `null` when signed out, `undefined` while the first check runs. */
  me: Me | null | undefined;
  error: unknown;
  retry: () => void;
  /**
   * The server said the session is gone while `me` was signed in: the page stays (with what was
   * typed in its forms) and a sign-in dialog is shown over it (`components/RouteGuards`).
   */
  expired: boolean;
}

// Whether the session expired under a signed-in page: a tiny store outside React, set by the
// query client's error handler (app/App.tsx) and cleared by signing in again or out.
let sessionExpired = false;
const expiryListeners = new Set<() => void>();
function setExpired(v: boolean): void {
  if (sessionExpired === v) return;
  sessionExpired = v;
  for (const l of expiryListeners) l();
}
/** Called when any request answers 401 AUTH_REQUIRED while a user is signed in. */
export function markSessionExpired(): void {
  setCsrfToken(null);
  setExpired(true);
}
function subscribeExpiry(l: () => void) {
  expiryListeners.add(l);
  return () => void expiryListeners.delete(l);
}

const AuthContext = createContext<AuthValue | null>(null);

async function fetchMe({ signal }: { signal: AbortSignal }): Promise<Me | null> {
  try {
    const me = await authApi.me(signal);
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const query = useQuery({
    queryKey: meKey,
    queryFn: fetchMe,
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
  });
  const { refetch } = query;
  const retry = useCallback(() => void refetch(), [refetch]);
  const expired = useSyncExternalStore(
    subscribeExpiry,
    () => sessionExpired,
    () => false,
  );
  const value = useMemo<AuthValue>(
    () => ({ me: query.data, error: query.error, retry, expired }),
    [query.data, query.error, retry, expired],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('AuthProvider is missing');
  return ctx;
}

/** The signed-in user; only for components under <RequireAuth>. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe() outside <RequireAuth>');
  return me;
}

export function hasAbility(me: Me | null | undefined, ability: Ability | null | undefined): boolean {
  if (!ability) return true;
  return !!me && me.abilities.includes(ability);
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => authApi.login(body),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      setExpired(false);
      // A fresh session: drop anything cached for a previous user.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      qc.setQueryData(meKey, me);
    },
  });
}

/**
 * Sign in again after the session expired under a page: the same user only (the page's data and
 * typed forms are theirs), keeping every cached answer; the failed ones are fetched again.
 */
export function useRelogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => authApi.login(body),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      qc.setQueryData(meKey, me);
      setExpired(false);
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] && q.state.status === 'error' });
    },
  });
}

/** State passed to /login after a logout, so the login page does not bounce back. */
export interface LoginLocationState {
  loggedOut?: boolean;
}

/**
 * Ends the session: tell the server, go to the login page, then forget the user and every cached
 * answer. In that order, so no page of the old session renders without its user.
 */
export function useLogout(): { logout: () => Promise<void>; pending: boolean } {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);
  const logout = useCallback(async () => {
    setPending(true);
    try {
      await authApi.logout();
    } catch {
      // The session may already be gone; the user is signed out here either way.
    }
    setCsrfToken(null);
    setExpired(false);
    const state: LoginLocationState = { loggedOut: true };
    // flushSync: the login page must be on screen before the user is forgotten, or the guard of
    // the old page would redirect first (and drop this state).
    await navigate('/login', { replace: true, state, flushSync: true });
    qc.setQueryData(meKey, null);
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
  }, [qc, navigate]);
  return { logout, pending };
}

/** Only `/…` paths of this app (no `//host` or absolute URLs) are accepted as a return address. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/login')) return '/';
  return next;
}

export const PASSWORD_PATH = '/account/password';

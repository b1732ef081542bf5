import { createContext, useCallback, useContext, useMemo, useState } from 'react';
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
  const value = useMemo<AuthValue>(
    () => ({ me: query.data, error: query.error, retry }),
    [query.data, query.error, retry],
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
      // A fresh session: drop anything cached for a previous user.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      qc.setQueryData(meKey, me);
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

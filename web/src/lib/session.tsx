import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { onAccessTokenChange, refreshSession } from '../api/client.ts';
import { auth } from '../api/endpoints.ts';
import type { User } from '../api/types.ts';
import { Loading } from '../components/States.tsx';

interface Session {
  user: User | null;
  /** False until the refresh cookie has been tried once at start. */
  ready: boolean;
  login: (email: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
  reloadUser: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [ready, setReady] = useState(false);

  const reloadUser = useCallback(async () => {
    try {
      setUser(await auth.me());
    } catch {
      setUser(null);
    }
  }, []);

  useEffect(() => {
    // The access token lives in memory only; after a reload (or the return from the payment page)
    // the HttpOnly refresh cookie brings the session back.
    void (async () => {
      if (await refreshSession()) await reloadUser();
      setReady(true);
    })();
    return onAccessTokenChange((token) => {
      if (token === null) setUser(null);
    });
  }, [reloadUser]);

  const login = useCallback(async (email: string, password: string) => {
    const result = await auth.login(email, password);
    setUser(result.user);
    return result.user;
  }, []);

  const logout = useCallback(async () => {
    await auth.logout().catch(() => undefined);
    setUser(null);
  }, []);

  return (
    <SessionContext.Provider value={{ user, ready, login, logout, reloadUser }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/**
 * Renders children for a signed-in user (an admin when `admin`; door staff or an admin when
 * `staff`), else sends to the login page.
 */
export function RequireAuth({
  children,
  admin = false,
  staff = false,
}: {
  children: ReactNode;
  admin?: boolean;
  staff?: boolean;
}) {
  const { user, ready } = useSession();
  const location = useLocation();
  if (!ready) return <Loading />;
  const allowed =
    !!user && (admin ? user.role === 'ADMIN' : staff ? user.role === 'ADMIN' || user.role === 'STAFF' : true);
  if (!allowed) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return <>{children}</>;
}

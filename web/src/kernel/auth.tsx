import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, isUnauthenticated, setUnauthenticatedHandler, type BodyOf, type Me, type ResponseOf } from './api';

type AuthState = { status: 'loading' } | { status: 'signedOut' } | { status: 'signedIn'; me: Me };

interface Auth {
  state: AuthState;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  useEffect(() => {
    setUnauthenticatedHandler(() => setState({ status: 'signedOut' }));
    let live = true;
    api
      .get<Me>('/api/auth/me')
      .then((me) => live && setState({ status: 'signedIn', me }))
      .catch((err: unknown) => {
        // An unreachable server is not a signed-out user, but the sign-in
        // page is where the next attempt (and its error) will happen.
        if (live) setState({ status: 'signedOut' });
        if (!isUnauthenticated(err)) console.error(err);
      });
    return () => {
      live = false;
      setUnauthenticatedHandler(null);
    };
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const { user } = await api.post<ResponseOf<'/api/auth/login', 'post'>>('/api/auth/login', { username, password } satisfies BodyOf<'/api/auth/login', 'post'>);
    setState({ status: 'signedIn', me: user });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      setState({ status: 'signedOut' });
    }
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user; only for components under the signed-in routes. */
export function useMe(): Me {
  const { state } = useAuth();
  if (state.status !== 'signedIn') throw new Error('useMe while not signed in');
  return state.me;
}

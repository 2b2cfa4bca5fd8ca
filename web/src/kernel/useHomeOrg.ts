import { useAuth } from './auth';

/** The organization the signed-in staff member works for: the default host of what they publish and count. */
export function useHomeOrg(): number | undefined {
  const { state } = useAuth();
  return state.status === 'signedIn' ? state.me.grants[0]?.orgId : undefined;
}

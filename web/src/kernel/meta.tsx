import { createContext, useContext, type ReactNode } from 'react';
import { api, type Meta } from './api';
import { useLoad } from './hooks';
import { setRegionTimeZone } from './time';

const MetaContext = createContext<Meta | undefined>(undefined);

/** Roles and kinds with their Chinese labels, loaded once per session. */
export function MetaProvider({ children }: { children: ReactNode }) {
  const { data } = useLoad(() => api.get<Meta>('/api/meta'), []);
  if (data) setRegionTimeZone(data.timeZone);
  return <MetaContext.Provider value={data}>{children}</MetaContext.Provider>;
}

export function useMeta(): Meta | undefined {
  return useContext(MetaContext);
}

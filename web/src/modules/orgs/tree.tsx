import type { Key } from 'react';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useApiError, useLoad } from '../../kernel/hooks';
import { orgsApi, type Org } from './api';

/**
 * The organization tree as far as the user has opened it, shared by every
 * page (tree panels, org pickers), so moving between pages keeps the place
 * and each level is fetched once.
 */
export interface OrgTreeStore {
  roots: Org[] | undefined;
  rootsLoading: boolean;
  childrenOf: ReadonlyMap<number, Org[]>;
  loadChildren: (orgId: number, force?: boolean) => Promise<Org[]>;
  /** Puts a changed organization (renamed, or a child added) in place. */
  replaceOrg: (org: Org) => void;
  /**
   * Refetches loaded organizations and their children after a change that
   * moves nodes around (new child, move, dissolve, merge, import).
   */
  refresh: (orgIds: (number | null)[]) => Promise<void>;
  expandedKeys: Key[];
  setExpandedKeys: (keys: Key[]) => void;
  selectedId: number | null;
  select: (orgId: number | null) => void;
  /** Opens the tree down to an organization (search result, deep link). */
  reveal: (ancestorIds: number[]) => Promise<void>;
}

const OrgTreeContext = createContext<OrgTreeStore | null>(null);

function replaceIn(list: Org[], org: Org): Org[] {
  return list.map((o) => (o.id === org.id ? org : o));
}

export function OrgTreeProvider({ children }: { children: ReactNode }) {
  const [expandedKeys, setExpandedKeys] = useState<Key[]>([]);
  // A single root (the usual case: one street, one community) opens at once; several stay closed.
  const rootsLoad = useLoad(
    () =>
      orgsApi.roots().then((roots) => {
        if (roots.length === 1 && roots[0] && roots[0].childCount > 0) setExpandedKeys([String(roots[0].id)]);
        return roots;
      }),
    [],
  );
  const [childrenOf, setChildrenOf] = useState<ReadonlyMap<number, Org[]>>(new Map());
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const onError = useApiError();
  const cache = useRef(new Map<number, Promise<Org[]>>());

  const loadChildren = useCallback(
    (orgId: number, force = false) => {
      let pending = force ? undefined : cache.current.get(orgId);
      if (!pending) {
        pending = orgsApi.children(orgId).then((items) => {
          setChildrenOf((prev) => new Map(prev).set(orgId, items));
          return items;
        });
        pending.catch((err: unknown) => {
          cache.current.delete(orgId);
          onError(err);
        });
        cache.current.set(orgId, pending);
      }
      return pending;
    },
    [onError],
  );

  const { setData: setRoots, data: roots } = rootsLoad;
  const replaceOrg = useCallback(
    (org: Org) => {
      if (roots?.some((r) => r.id === org.id)) setRoots(replaceIn(roots, org));
      setChildrenOf((prev) => {
        const next = new Map(prev);
        for (const [parent, list] of prev) if (list.some((o) => o.id === org.id)) next.set(parent, replaceIn(list, org));
        return next;
      });
    },
    [roots, setRoots],
  );

  const refresh = useCallback(
    async (orgIds: (number | null)[]) => {
      // Only organizations already in the tree: their parents may lie outside the user's scope.
      const known = [...new Set(orgIds)].filter((id): id is number => findLoaded({ roots, childrenOf }, id) !== undefined);
      await Promise.all(
        known.map(async (id) => {
          // A failed level was reported by loadChildren; the detail's failure is reported below.
          const [fresh] = await Promise.all([orgsApi.detail(id), loadChildren(id, true).catch(() => [])]);
          replaceOrg(fresh);
        }),
      ).catch(onError);
    },
    [roots, childrenOf, loadChildren, replaceOrg, onError],
  );

  const reveal = useCallback(
    async (ancestorIds: number[]) => {
      const open: number[] = [];
      let known = new Set((roots ?? []).map((r) => r.id));
      // Ancestors above the user's own roots are outside the tree; skip to the first one inside.
      for (const id of ancestorIds) {
        if (!known.has(id)) continue;
        open.push(id);
        const kids = await loadChildren(id).catch(() => [] as Org[]);
        known = new Set([...known, ...kids.map((k) => k.id)]);
      }
      setExpandedKeys((prev) => [...new Set([...prev, ...open.map(String)])]);
    },
    [roots, loadChildren],
  );

  const value = useMemo<OrgTreeStore>(
    () => ({
      roots,
      rootsLoading: rootsLoad.loading,
      childrenOf,
      loadChildren,
      replaceOrg,
      refresh,
      expandedKeys,
      setExpandedKeys,
      selectedId,
      select: setSelectedId,
      reveal,
    }),
    [roots, rootsLoad.loading, childrenOf, loadChildren, replaceOrg, refresh, expandedKeys, selectedId, reveal],
  );
  return <OrgTreeContext.Provider value={value}>{children}</OrgTreeContext.Provider>;
}

export function useOrgTree(): OrgTreeStore {
  const ctx = useContext(OrgTreeContext);
  if (!ctx) throw new Error('useOrgTree outside OrgTreeProvider');
  return ctx;
}

/** Looks an organization up among those loaded so far. */
export function findLoaded(store: Pick<OrgTreeStore, 'roots' | 'childrenOf'>, orgId: number | null): Org | undefined {
  if (orgId === null) return undefined;
  const root = store.roots?.find((r) => r.id === orgId);
  if (root) return root;
  for (const list of store.childrenOf.values()) {
    const hit = list.find((o) => o.id === orgId);
    if (hit) return hit;
  }
  return undefined;
}

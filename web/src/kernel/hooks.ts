import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type DependencyList } from 'react';
import { ApiError, isUnauthenticated } from './api';

const PHONE_QUERY = '(max-width: 767.98px)';

function subscribePhone(onChange: () => void): () => void {
  const media = window.matchMedia(PHONE_QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

/** Below antd's md breakpoint (768px): members and grid workers on phones. */
export function useIsPhone(): boolean {
  return useSyncExternalStore(subscribePhone, () => window.matchMedia(PHONE_QUERY).matches);
}

type NamePath = (string | number)[];

function toNamePath(key: string): NamePath {
  return key.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function hasPath(values: unknown, path: NamePath): boolean {
  let cur: unknown = values;
  for (const part of path) {
    if (cur === null || typeof cur !== 'object' || !(part in cur)) return false;
    cur = (cur as Record<string | number, unknown>)[part];
  }
  return true;
}

/**
 * Shows an API failure where it belongs: field messages on the matching
 * Form.Item, everything else as a toast. A lost session is not shown at all:
 * the auth context is already on its way to the sign-in page.
 */
export function useApiError(): (err: unknown, form?: FormInstance) => void {
  const { message } = App.useApp();
  return useCallback(
    (err: unknown, form?: FormInstance) => {
      if (isUnauthenticated(err)) return;
      if (err instanceof ApiError) {
        let shownOnForm = false;
        if (form && err.fields) {
          // Only registered fields are in getFieldsValue(); others go to the toast.
          const registered: unknown = form.getFieldsValue();
          const onForm = Object.entries(err.fields)
            .map(([key, text]) => ({ name: toNamePath(key), errors: [text] }))
            .filter((f) => hasPath(registered, f.name));
          form.setFields(onForm);
          shownOnForm = onForm.length === Object.keys(err.fields).length;
        }
        if (!shownOnForm) void message.error(err.message);
        return;
      }
      console.error(err);
      void message.error(err instanceof Error ? err.message : String(err));
    },
    [message],
  );
}

export interface Loaded<T> {
  data: T | undefined;
  loading: boolean;
  error: unknown;
  reload: () => void;
  setData: (data: T) => void;
}

/**
 * Loads data when deps change; a stale answer (deps changed meanwhile) is
 * dropped. Pass null as load to skip loading.
 */
export function useLoad<T>(load: (() => Promise<T>) | null, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(load !== null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const onError = useApiError();
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const run = loadRef.current;
    if (!run) {
      setLoading(false);
      return;
    }
    let live = true;
    setLoading(true);
    setError(null);
    run()
      .then((value) => {
        if (live) setData(value);
      })
      .catch((err: unknown) => {
        if (!live) return;
        setError(err);
        onError(err);
      })
      .finally(() => {
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
    // The caller's deps decide when to reload; load itself is read from the ref.
  }, [...deps, tick, onError]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, loading, error, reload, setData };
}

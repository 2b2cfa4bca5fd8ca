import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type DependencyList } from 'react';
import { ApiError, isUnauthenticated } from './api';
import { useI18n } from './i18n';

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
  const { tx } = useI18n();
  return useCallback(
    (err: unknown, form?: FormInstance) => {
      if (isUnauthenticated(err)) return;
      if (err instanceof ApiError) {
        let shownOnForm = false;
        if (form && err.fields) {
          // Only registered fields are in getFieldsValue(); others go to the toast.
          const registered: unknown = form.getFieldsValue();
          const onForm = Object.entries(err.fields)
            .map(([key, text]) => ({ name: toNamePath(key), errors: [tx(text)] }))
            .filter((f) => hasPath(registered, f.name));
          form.setFields(onForm);
          shownOnForm = onForm.length === Object.keys(err.fields).length;
        }
        if (!shownOnForm) void message.error(tx(err.message));
        return;
      }
      console.error(err);
      void message.error(err instanceof Error ? err.message : String(err));
    },
    [message, tx],
  );
}

export interface Loaded<T> {
  data: T | undefined;
  loading: boolean;
  /** The last load failed (already shown to the user). */
  failed: boolean;
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
  const [failed, setFailed] = useState(false);
  const [tick, setTick] = useState(0);
  const onError = useApiError();
  // Read through refs so that a new closure or language does not refetch.
  const loadRef = useRef(load);
  loadRef.current = load;
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;

  useEffect(() => {
    const run = loadRef.current;
    if (!run) {
      setLoading(false);
      return;
    }
    let live = true;
    setLoading(true);
    setFailed(false);
    run()
      .then((value) => {
        if (live) setData(value);
      })
      .catch((err: unknown) => {
        if (!live) return;
        setFailed(true);
        onErrorRef.current(err);
      })
      .finally(() => {
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, loading, failed, reload, setData };
}

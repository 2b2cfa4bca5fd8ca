/** The JSON API client: same origin, cookie session, one error shape. */

export interface ApiErrorBody {
  code: string;
  message: string;
  fields?: Record<string, string>;
}

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly fields: Record<string, string> | undefined;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fields = body.fields;
  }
}

let onUnauthenticated: (() => void) | null = null;

/** The auth context registers itself here, so any request that finds the session gone sends the user to sign in. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

type Query = Record<string, string | number | boolean | null | undefined>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { code: 'network', message: '网络连接失败，请检查网络后重试' });
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const error = (data as { error?: ApiErrorBody } | null)?.error;
    const err = new ApiError(res.status, error ?? { code: 'http_' + res.status, message: `请求失败（${res.status}）` });
    // A wrong password is also a 401, but it is an answer, not a lost session.
    if (res.status === 401 && err.code !== 'invalid_credentials') onUnauthenticated?.();
    throw err;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

export const isUnauthenticated = (err: unknown): boolean =>
  err instanceof ApiError && err.status === 401 && err.code !== 'invalid_credentials';

export interface Page<T> {
  total: number;
  items: T[];
}

export interface Grant {
  id: number;
  role: string;
  roleLabel: string;
  orgId: number;
  orgName: string;
  orgPath: string;
  unitId: number | null;
  unitName: string | null;
}

export interface Me {
  id: number;
  username: string;
  displayName: string;
  grants: Grant[];
  can: { manageUsers: boolean; viewAudit: boolean; manageOrgs: boolean };
}

export interface Meta {
  roles: { role: string; label: string }[];
  orgKinds: { kind: string; label: string }[];
  unitKinds: { kind: string; label: string }[];
}

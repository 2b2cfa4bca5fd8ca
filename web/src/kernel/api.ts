/** The JSON API client: same origin, cookie session, one error shape. */

import type { paths } from './api-schema';
import { storedLang } from './i18n';

/** The server's refusal: a stable code (`need.already_claimed`), and its message in the language the request asked for. */
export interface ApiErrorBody {
  code: string;
  message: string;
  params?: Record<string, unknown>;
  fields?: Record<string, string>;
  fieldCodes?: Record<string, string>;
}

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly fields: Record<string, string> | undefined;
  readonly fieldCodes: Record<string, string> | undefined;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fields = body.fields;
    this.fieldCodes = body.fieldCodes;
  }
}

/** A wrong password is also a 401, but it is an answer, not a lost session. */
const WRONG_PASSWORD = 'user.invalid_credentials';

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

// The server refuses a write without it (server/src/kernel/security.ts): a
// form on another site cannot send a custom header.
const CLIENT_HEADERS = { accept: 'application/json', 'x-requested-with': 'gongjian' };

/** A fresh Idempotency-Key (getRandomValues works on plain http too, where randomUUID does not). */
function newKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Tries after a lost answer on a weak network; the server runs a POST once per key, so a retry cannot double it. */
const RETRY_DELAYS_MS = [500, 1500];

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  // The server answers refusals in the language chosen here (the browser's own Accept-Language is not the choice).
  const base = { ...CLIENT_HEADERS, 'accept-language': storedLang() };
  const headers: Record<string, string> = body === undefined ? base : { ...base, 'content-type': 'application/json' };
  if (method === 'POST') headers['idempotency-key'] = newKey();
  let res: Response | undefined;
  for (let attempt = 0; !res; attempt++) {
    try {
      res = await fetch(path, { method, credentials: 'same-origin', headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      const delay = method === 'POST' || method === 'GET' ? RETRY_DELAYS_MS[attempt] : undefined;
      if (delay === undefined) throw new ApiError(0, { code: 'network', message: '网络连接失败，请检查网络后重试' });
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
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
    if (res.status === 401 && err.code !== WRONG_PASSWORD) onUnauthenticated?.();
    throw err;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

export const isUnauthenticated = (err: unknown): boolean =>
  err instanceof ApiError && err.status === 401 && err.code !== WRONG_PASSWORD;

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

// The server's OpenAPI document (api-schema.ts, generated from its zod
// schemas) is the one source of the API's types; module clients alias these
// rather than declaring twins of the server's schemas.

/** The JSON a route answers with (its 200 response). */
export type ResponseOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { responses: { 200: { content: { 'application/json': infer R } } } } ? R : never;

/** The JSON body a route accepts. */
export type BodyOf<P extends keyof paths, M extends Method> =
  NonNullable<Operation<P, M>['requestBody']> extends { content: { 'application/json': infer B } } ? B : never;

/** The query string a route accepts. */
export type QueryOf<P extends keyof paths, M extends Method> = NonNullable<Operation<P, M>['parameters']['query']>;

/** The element type of a list the server answers with. */
export type ItemOf<T extends { items: readonly unknown[] }> = T['items'][number];

export interface Page<T> {
  total: number;
  items: T[];
}

export type Me = ResponseOf<'/api/auth/me', 'get'>;
export type Grant = Me['grants'][number];
export type Meta = ResponseOf<'/api/meta', 'get'>;

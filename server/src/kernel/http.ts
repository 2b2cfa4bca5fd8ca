import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Database, Queryable } from './db.ts';
import { AppError, defineErrors, fromDatabaseError, inLang, isCode, langOf, say, unauthenticated, type Lang, type Param, type Params, type Said, type Text } from './errors.ts';
import type { Scope } from './scope.ts';
import { controlCharacterPaths, fieldLabel, z } from './validation.ts';

const E = defineErrors('request', {
  invalid: { status: 400, zh: '请求有误：{first}', en: 'Invalid request: {first}' },
  field: { status: 400, zh: '{label}：{detail}', en: '{label}: {detail}' },
  control_characters: { status: 400, zh: '{label}含有不可见的控制字符', en: '{label} contains invisible control characters' },
  idempotency_key: { status: 400, field: 'Idempotency-Key', zh: 'Idempotency-Key 须为 8 至 100 个可见的 ASCII 字符', en: 'Idempotency-Key must be 8 to 100 visible ASCII characters' },
  idempotency_reused: { status: 409, zh: '这个 Idempotency-Key 已用于另一个请求', en: 'This Idempotency-Key was already used for another request' },
  idempotency_reused_field: { status: 409, zh: '已用于另一个请求，请换一个', en: 'Already used for another request; use a new one' },
  json_required: { status: 415, zh: '请求内容须为 JSON', en: 'The request body must be JSON' },
  too_large: { status: 413, zh: '请求内容过大', en: 'The request body is too large' },
  no_route: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  no_route_named: { status: 404, zh: '接口不存在：{route}', en: 'No such endpoint: {route}' },
  bad_format: { status: 400, zh: '请求有误：格式不正确', en: 'Invalid request: wrong format' },
  as_written: { status: 400, zh: '{text}', en: '{text}' },
  internal: { status: 500, zh: '服务器内部错误，请联系管理员并提供编号 {id}', en: 'Internal server error; please contact the administrator and quote {id}' },
});
export const noRoute = E.no_route_named;


declare module 'fastify' {
  interface FastifyRequest {
    scope: Scope;
  }
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteContext<B, Q, P> {
  /** SQL in the caller's scope: row-level security limits every statement. */
  q: Queryable;
  scope: Scope;
  body: B;
  query: Q;
  params: P;
  req: FastifyRequest;
  reply: FastifyReply;
}

/** A download: routes declared with `response: 'file'` return this. */
export interface FileBody {
  name: string;
  type: string;
  body: Buffer;
  /** Shown in the browser (a printable page) rather than downloaded. */
  inline?: boolean;
}
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Result<R> = R extends z.ZodType ? z.input<R> : FileBody;

export interface RouteSpec<B, Q, P, R extends z.ZodType | 'file'> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  tags: string[];
  /** Reachable without signing in (still runs in an empty scope). */
  public?: boolean;
  /**
   * false for the few kernel routes (sign-in, health) that work on the system
   * connection themselves; their ctx.q refuses to run SQL.
   */
  scoped?: boolean;
  body?: B;
  querystring?: Q;
  params?: P;
  response: R;
  /**
   * A public answer that is the same for every reader: browsers and proxies
   * may keep it this many seconds (Cache-Control: public), and a reader whose
   * If-None-Match names its ETag gets 304 without a body.
   */
  cacheSeconds?: number;
  /** Error answers the route gives beyond those every route of its kind gives (see errorStatuses). */
  errors?: Partial<Record<401 | 403 | 409 | 429, string>>;
  handler: (ctx: RouteContext<Out<B>, Out<Q>, Out<P>>) => Promise<Result<R>>;
}

/**
 * Every API route is declared through this: auth → validate (zod, which also
 * feeds OpenAPI) → one scoped transaction → handler. The handler gets a
 * scoped connection and nothing else, so it cannot read outside the caller's
 * scope even if it forgets to check.
 */
export function route<
  B extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  P extends z.ZodType | undefined,
  R extends z.ZodType | 'file',
>(
  app: FastifyInstance,
  db: Database,
  spec: RouteSpec<B, Q, P, R>,
): void {
  // Types come from RouteSpec; the zod compilers installed in app.ts validate.
  app.route({
    method: spec.method,
    url: spec.url,
    schema: {
      summary: spec.summary,
      tags: spec.tags,
      ...(spec.body ? { body: spec.body } : {}),
      ...(spec.querystring ? { querystring: spec.querystring } : {}),
      ...(spec.params ? { params: spec.params } : {}),
      operationId: operationId(spec.method, spec.url),
      [ERRORS_KEY]: errorStatuses(spec as RouteSpec<unknown, unknown, unknown, z.ZodType | 'file'>),
      ...(spec.response === 'file' ? {} : { response: { 200: spec.response } }),
      security: spec.public ? [] : [{ session: [] }],
    },
    // Before validation: without a session the answer is 401, whatever the
    // request holds, so a stranger learns nothing of what a route expects.
    ...(spec.public
      ? {}
      : {
          onRequest: async (req: FastifyRequest) => {
            if (req.scope.userId === null) throw unauthenticated();
          },
        }),
    handler: (async (req: FastifyRequest, reply: FastifyReply) => {
      const run = (q: Queryable) =>
        spec.handler({
          q,
          scope: req.scope,
          body: req.body as Out<B>,
          query: req.query as Out<Q>,
          params: req.params as Out<P>,
          req,
          reply,
        });
      const key = spec.method === 'POST' && spec.scoped !== false && spec.response !== 'file' ? idempotencyKey(req) : null;
      const result = await (spec.scoped === false ? run(NO_CONNECTION) : db.scoped(req.scope, key ? (q) => once(q, key, req, run) : run));
      if (spec.cacheSeconds !== undefined && unchanged(req, reply, spec.cacheSeconds, spec.response === 'file' ? (result as FileBody).body : JSON.stringify(result))) {
        return reply.code(304).send();
      }
      if (spec.response !== 'file') return result;
      const file = result as FileBody;
      return reply
        .header('content-disposition', `${file.inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .type(file.type)
        .send(file.body);
    }) as RouteHandlerMethod,
  });
}

/** Sets the caching headers of a public answer; true when the reader already holds it (If-None-Match). */
function unchanged(req: FastifyRequest, reply: FastifyReply, seconds: number, body: string | Buffer): boolean {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
  reply.header('cache-control', `public, max-age=${seconds}`).header('etag', etag);
  const held = req.headers['if-none-match'];
  return held !== undefined && held.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/** The client's Idempotency-Key, checked: printable ASCII, 8 to 100 characters (a UUID fits). */
function idempotencyKey(req: FastifyRequest): string | null {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined || req.scope.userId === null) return null;
  if (typeof raw !== 'string' || !/^[\x21-\x7e]{8,100}$/.test(raw)) {
    throw E.idempotency_key();
  }
  return raw;
}

/**
 * Runs a create once per key (kernel migration 0161): the key is claimed in
 * the create's own transaction, so a retry waits for the first attempt and
 * answers with its result; a failed first attempt leaves no claim behind.
 */
async function once<T>(q: Queryable, key: string, req: FastifyRequest, run: (q: Queryable) => Promise<T>): Promise<T> {
  const request = createHash('sha256')
    .update(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`)
    .digest('base64url');
  await q.query(`DELETE FROM idempotency_keys WHERE user_id = gj_user_id() AND created_at < now() - interval '1 day'`);
  const claimed = await q.query(
    `INSERT INTO idempotency_keys (user_id, key, request) VALUES (gj_user_id(), $1, $2) ON CONFLICT DO NOTHING RETURNING 1`,
    [key, request],
  );
  if (claimed.length === 0) {
    const [first] = await q.query<{ request: string; response: T }>(`SELECT request, response FROM idempotency_keys WHERE user_id = gj_user_id() AND key = $1`, [key]);
    if (first?.request !== request) throw E.idempotency_reused().on('Idempotency-Key', { code: E.idempotency_reused_field.code, params: {} });
    return first.response;
  }
  const result = await run(q);
  await q.query(`UPDATE idempotency_keys SET response = $2 WHERE user_id = gj_user_id() AND key = $1`, [key, JSON.stringify(result ?? null)]);
  return result;
}

const refuse = () => Promise.reject(new Error('this route declared scoped: false and has no scoped connection'));
const NO_CONNECTION: Queryable = { query: refuse, exec: refuse };

/**
 * A name for generated clients and fuzzers, derived from the method and URL
 * so that it can neither be forgotten nor drift: GET /api/orgs/:orgId/children
 * is getOrgsByOrgIdChildren.
 */
export function operationId(method: string, url: string): string {
  const words = url
    .replace(/^\/api\//, '')
    .split('/')
    .flatMap((segment) => (segment.startsWith(':') ? ['by', ...segment.slice(1).split(/[^A-Za-z0-9]+/)] : segment.split(/[^A-Za-z0-9]+/)));
  return method.toLowerCase() + words.filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/** What every error answer holds. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().describe('错误代码，如 need.already_claimed、kernel.not_found（各模块 errors.ts 中声明）'),
      message: z.string().describe('给用户看的说明，使用请求的 Accept-Language（zh-CN、zh-TW、en；默认 zh-CN）'),
      params: z.record(z.string(), z.unknown()).optional().describe('说明中的参数'),
      fields: z.record(z.string(), z.string()).optional().describe('出错的字段及其说明（同一语言）'),
      fieldCodes: z.record(z.string(), z.string()).optional().describe('出错的字段及其错误代码'),
      requestId: z.string().optional().describe('请求编号（服务器内部错误时请提供给管理员）'),
    }),
  })
  .describe('错误');

/** A parameter as the client sees it: phrases in its language, nested refusals as sentences. */
function paramIn(v: Param, lang: Lang): string | number {
  if (typeof v !== 'object') return v;
  return 'code' in v ? say(v, lang) : inLang(v, lang);
}

export function errorBody(err: AppError, lang: Lang): z.input<typeof ErrorBody> {
  const fields = err.fields && Object.entries(err.fields);
  return {
    error: {
      code: err.code,
      message: say(err, lang),
      ...(Object.keys(err.params).length ? { params: Object.fromEntries(Object.entries(err.params).map(([k, v]) => [k, paramIn(v, lang)])) } : {}),
      ...(fields?.length
        ? { fields: Object.fromEntries(fields.map(([f, s]) => [f, say(s, lang)])), fieldCodes: Object.fromEntries(fields.map(([f, s]) => [f, s.code])) }
        : {}),
    },
  };
}

const ERROR_STATUSES = {
  400: '请求有误：缺少字段、格式或取值不正确（fields 逐项说明）',
  401: '未登录，或登录已过期',
  403: '无权执行此操作，或记录超出您的管辖范围',
  404: '记录不存在，或不在您的管辖范围内',
  409: '与已有记录冲突',
  500: '服务器内部错误',
};

/** The error answers a route can give, as the error handler gives them, with what the route adds. */
function errorStatuses(spec: RouteSpec<unknown, unknown, unknown, z.ZodType | 'file'>): Partial<Record<number, string>> {
  const e = ERROR_STATUSES;
  return {
    ...(spec.body || spec.querystring || spec.params ? { 400: e[400] } : {}),
    ...(spec.public ? {} : { 401: e[401], 403: e[403] }),
    ...(spec.params ? { 404: e[404] } : {}),
    ...(spec.public || spec.method === 'GET' ? {} : { 409: e[409] }),
    ...spec.errors,
    500: e[500],
  };
}

const ERRORS_KEY = 'x-errors';

/**
 * The OpenAPI document's error answers, all with one shared schema. route()
 * leaves each operation's statuses under x-errors (the one key fastify-swagger
 * passes through); this turns them into responses.
 */
export function documentErrors<D extends object>(document: D): D {
  const doc = document as { paths?: Record<string, Record<string, Record<string, unknown>>>; components?: Record<string, unknown> };
  doc.components = {
    ...doc.components,
    schemas: { ...(doc.components?.schemas as object | undefined), Error: z.toJSONSchema(ErrorBody, { target: 'draft-2020-12', unrepresentable: 'throw' }) },
  };
  delete (doc.components.schemas as { Error: { $schema?: string } }).Error.$schema;
  for (const ops of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(ops)) {
      const errors = (op[ERRORS_KEY] ?? {}) as Record<string, string>;
      delete op[ERRORS_KEY];
      const content = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
      op.responses = { ...(op.responses as object), ...Object.fromEntries(Object.entries(errors).map(([status, description]) => [status, { description, content }])) };
    }
  }
  return document;
}

type Part = 'params' | 'querystring' | 'body';

/** Field refusals keyed by path, each naming the field by its label, as one 400. */
class FieldErrors {
  readonly fields: Record<string, Said> = {};
  constructor(private readonly req: FastifyRequest) {}

  /** The field's label: the schema's Chinese description, and in English the field's own name. */
  label(where: Part, path: (string | number)[]): Text {
    const schema = (this.req.routeOptions.schema as Record<string, unknown> | undefined)?.[where];
    return { zh: fieldLabel(schema, path), en: path.filter((p) => typeof p === 'string').at(-1) ?? where };
  }

  add(where: Part, path: (string | number)[], said: (label: Text) => Said): void {
    this.fields[path.join('.') || where] ??= said(this.label(where, path));
  }

  get error(): AppError {
    const [first] = Object.entries(this.fields);
    let e = E.invalid({ first: first?.[1] ?? { code: E.bad_format.code, params: {} } });
    for (const [field, said] of Object.entries(this.fields)) e = e.on(field, said);
    return e;
  }
}

/**
 * Control characters are refused in every string a request carries, before
 * any route's own validation: a route cannot forget it, and a NUL never
 * reaches PostgreSQL (which fails on it).
 */
export function installControlCharacterGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const errors = new FieldErrors(req);
    const parts: [Part, unknown][] = [['params', req.params], ['querystring', req.query], ['body', req.body]];
    for (const [where, value] of parts) {
      for (const path of controlCharacterPaths(value)) errors.add(where, path, (label) => ({ code: E.control_characters.code, params: { label } }));
    }
    if (Object.keys(errors.fields).length) throw errors.error;
  });
}

const ZOD_LOCALES = { zh: z.locales.zhCN().localeError, tw: z.locales.zhTW().localeError, en: z.locales.en().localeError };

type ZodIssue = { keyword: string; message?: string; params: Record<string, unknown> };

/**
 * A zod issue as a refusal. Schemas give a declared code as the message (the
 * kernel's text(), day()… and each module's own rules), localized here with
 * the field's label and the issue's bounds; zod's own messages come from its
 * locales. A message that is neither (written inline) is passed on as written.
 */
function zodSaid(issue: ZodIssue, label: Text, input: unknown): Said {
  const raw = issue.params as Record<string, unknown> & { params?: Params };
  const { params: custom, ...bounds } = raw;
  const numbers = Object.fromEntries(Object.entries(bounds).filter(([, v]) => typeof v === 'number' || typeof v === 'string')) as Params;
  if (issue.message && isCode(issue.message)) return { code: issue.message, params: { ...numbers, ...custom, label } };
  const full = { ...raw, code: issue.keyword, input } as unknown as Parameters<typeof ZOD_LOCALES.en>[0];
  const text = (f: typeof ZOD_LOCALES.en) => (typeof f(full) === 'string' ? (f(full) as string) : ((f(full) as { message?: string })?.message ?? ''));
  const zh = issue.message ?? text(ZOD_LOCALES.zh);
  const detail: Text = zh === text(ZOD_LOCALES.zh) ? { zh, tw: text(ZOD_LOCALES.tw), en: text(ZOD_LOCALES.en) } : { zh, en: zh };
  if (zh.startsWith(label.zh)) return { code: 'request.as_written', params: { text: detail } };
  return { code: E.field.code, params: { label, detail } };
}

/** The value at a path in a request part (zod does not keep it; its locales name its type). */
const at = (value: unknown, path: (string | number)[]) => path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), value);

/** One error handler: every failure leaves as `{error:{code,message,params,fields}}` in the request's language, never a stack trace. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    const lang = langOf(req.headers['accept-language']);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = ((err as { validationContext?: string }).validationContext ?? 'body') as Part;
      const errors = new FieldErrors(req);
      for (const issue of err.validation) {
        const path = issue.instancePath.split('/').filter(Boolean);
        errors.add(where, path, (label) => zodSaid(issue as ZodIssue, label, at(where === 'body' ? req.body : where === 'params' ? req.params : req.query, path)));
      }
      return reply.code(400).send(errorBody(errors.error, lang));
    }
    const known = err instanceof AppError ? err : fromDatabaseError(err);
    if (known) return reply.code(known.status).send(errorBody(known, lang));
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      const refusal = status === 415 ? E.json_required() : status === 413 ? E.too_large() : status === 404 ? E.no_route() : E.bad_format();
      return reply.code(status).send(errorBody(refusal, lang));
    }
    // The id is in the log line and in the answer, so the user can quote it and the operator find the stack.
    req.log.error({ err, route: req.routeOptions.url ?? 'unmatched', method: req.method }, 'unhandled error');
    return reply.code(500).send({ error: { ...errorBody(E.internal({ id: req.id }), lang).error, requestId: req.id } });
  });
}

import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Database, Queryable } from './db.ts';
import { AppError, fromDatabaseError, unauthenticated } from './errors.ts';
import type { Scope } from './scope.ts';
import { fieldLabel } from './validation.ts';

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
      ...(spec.response === 'file' ? {} : { response: { 200: spec.response } }),
      ...(spec.public ? {} : { security: [{ session: [] }] }),
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
      const result = await (spec.scoped === false ? run(NO_CONNECTION) : db.scoped(req.scope, run));
      if (spec.response !== 'file') return result;
      const file = result as FileBody;
      return reply
        .header('content-disposition', `${file.inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .type(file.type)
        .send(file.body);
    }) as RouteHandlerMethod,
  });
}

const refuse = () => Promise.reject(new Error('this route declared scoped: false and has no scoped connection'));
const NO_CONNECTION: Queryable = { query: refuse, exec: refuse };

export function errorBody(code: string, message: string, fields?: Record<string, string>) {
  return { error: { code, message, ...(fields ? { fields } : {}) } };
}

/** One error handler: every failure leaves as `{error:{code,message,fields}}`, never a stack trace. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = (err as { validationContext?: string }).validationContext ?? 'body';
      const schema = (req.routeOptions.schema as Record<string, unknown> | undefined)?.[where];
      const fields: Record<string, string> = {};
      for (const issue of err.validation) {
        const path = issue.instancePath.split('/').filter(Boolean);
        const key = path.join('.') || where;
        const label = fieldLabel(schema, path);
        const message = issue.message ?? '格式不正确';
        fields[key] ??= message.startsWith(label) ? message : `${label}：${message}`;
      }
      const first = Object.values(fields)[0] ?? '请求有误';
      return reply.code(400).send(errorBody('validation', `请求有误：${first}`, fields));
    }
    const known = err instanceof AppError ? err : fromDatabaseError(err);
    if (known) return reply.code(known.status).send(errorBody(known.code, known.message, known.fields));
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      const message =
        status === 415 ? '请求内容须为 JSON' : status === 413 ? '请求内容过大' : status === 404 ? '接口不存在' : '请求有误：格式不正确';
      return reply.code(status).send(errorBody(status === 404 ? 'not_found' : 'bad_request', message));
    }
    // The id is in the log line and in the answer, so the user can quote it and the operator find the stack.
    req.log.error({ err, route: req.routeOptions.url ?? 'unmatched', method: req.method }, 'unhandled error');
    return reply.code(500).send({
      error: { code: 'internal', message: `服务器内部错误，请联系管理员并提供编号 ${req.id}`, requestId: req.id },
    });
  });
}

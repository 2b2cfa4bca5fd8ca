import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { demoLoaded } from './demo/load.ts';
import { PRINT_SCRIPT, PRINT_SCRIPT_URL } from './kernel/html.ts';
import { JobRunner, type Clock } from './kernel/jobs.ts';
import { namedComponents, namedResponses } from './kernel/openapi.ts';
import { langOf } from './kernel/errors.ts';
import { documentErrors, errorBody, installControlCharacterGuard, installErrorHandler, noRoute, route } from './kernel/http.ts';
import { integrityProblems } from './kernel/integrity.ts';
import { logOptions, logRequests } from './kernel/log.ts';
import type { Kernel } from './kernel/kernel.ts';
import type { ServerSettings } from './kernel/manifest.ts';
import { schemaVersion } from './kernel/migrate.ts';
import { installSecurity } from './kernel/security.ts';
import { ANONYMOUS, ROLES, ROLE_LABELS } from './kernel/scope.ts';
import { z } from './kernel/validation.ts';
import { ORG_CHILD_KINDS, ORG_KINDS } from './modules/orgs/schema.ts';
import { SESSION_COOKIE, resolveSession } from './modules/users/auth.ts';
import { MODULES } from './modules/index.ts';
import { registerIndicator } from './modules/grids/indicators.ts';
import { REGION_TIME_ZONE } from './kernel/time.ts';

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface AppOptions {
  secureCookies?: boolean;
  /** pino level (LOG_LEVEL); absent: silent, as tests and tools want. */
  logLevel?: string;
  /** Where the JSON lines go (stdout by default; tests read them). */
  logStream?: { write(line: string): void };
  /** The proxies whose X-Forwarded-For is believed (TRUST_PROXY); none by default. */
  trustProxy?: string[];
  /** The address users open the app at (PUBLIC_ORIGIN); null: whatever host a request names. */
  publicOrigin?: string | null;
  /** Serve the built web app from here (null: API only). */
  webDir?: string | null;
  /**
   * The job runner: `poll` ticks it on a timer (servers do; test apps do not
   * unless a test asks, and tick `app.jobs` by hand), `clock` is its time.
   */
  jobs?: { poll?: boolean; pollMs?: number; clock?: Clock; workerId?: string };
  /** Webhooks may point anywhere: http, this machine, any host (GONGJIAN_WEBHOOKS_ANYWHERE; tests). */
  webhooksAnywhere?: boolean;
  /** Extra routes, registered like a module's (tests use this). */
  extraRoutes?: (app: FastifyInstance, k: Kernel) => void;
}


declare module 'fastify' {
  interface FastifyInstance {
    /** This server's job runner (kernel/jobs.ts). */
    jobs: JobRunner;
  }
}

export async function buildApp(k: Kernel, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...logOptions(opts),
    // Only a configured proxy may say who the client is: otherwise anyone
    // sends X-Forwarded-For and is a new client each time (sign-up limits).
    trustProxy: opts.trustProxy?.length ? opts.trustProxy : false,
    bodyLimit: 10 * 1024 * 1024,
  });
  installSecurity(app, { publicOrigin: opts.publicOrigin ?? null });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a cross-site HTML form cannot send it, which with SameSite
  // cookies keeps forged requests out.
  app.removeContentTypeParser('text/plain');
  await app.register(fastifyCookie);
  // The web bundle is over a megabyte; phones on mobile data get a third of it.
  await app.register(fastifyCompress, { threshold: 2048 });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: '共建 Gongjian API', version: '0.1.0', description: '区域化党建平台的 HTTP 接口。网页端使用的就是这些接口。' },
      // The API is served by whichever host serves the web app.
      servers: [{ url: '/', description: '提供网页端的同一服务器' }],
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: '登录（POST /api/auth/login）后设置的会话 Cookie' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: (d) => ('openapiObject' in d ? namedResponses(documentErrors(namedComponents(d.openapiObject))) : d.swaggerObject),
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: {
      // "Try it out" must pass the same-origin rule (kernel/security.ts). The
      // docs page gets this function's source, so it names the header literally.
      // (swagger-ui's request is a plain object, not the fetch Request it is typed as.)
      requestInterceptor: (r) => {
        (r as unknown as { headers: Record<string, string> }).headers['x-requested-with'] = 'gongjian';
        return r;
      },
    },
  });

  app.decorateRequest('scope', null as never);
  app.addHook('onRequest', async (req) => {
    const token = req.url.startsWith('/api/') ? req.cookies[SESSION_COOKIE] : undefined;
    req.scope = { ...((token && (await resolveSession(k.db, token))) || ANONYMOUS), requestId: req.id };
  });
  installErrorHandler(app);
  installControlCharacterGuard(app);
  logRequests(app);

  route(app, k.db, {
    method: 'GET', url: '/api/health', tags: ['系统'], summary: '健康检查：数据库类型、迁移版本与完整性（行级安全、触发器、权限）',
    public: true, scoped: false,
    response: z.object({
      status: z.enum(['ok', 'broken']),
      database: z.enum(['pglite', 'postgresql']),
      schemaVersion: z.number(),
      integrity: z.union([z.literal('ok'), z.array(z.string())]).describe('完整性：ok，或缺失的对象'),
    }),
    handler: async ({ reply }) => {
      // A database that lost a policy or trigger after start (a manual change,
      // a partial restore) must not look healthy to a load balancer.
      const problems = await integrityProblems(k.db);
      if (problems.length) reply.code(503);
      return {
        status: problems.length ? ('broken' as const) : ('ok' as const),
        database: k.db.kind,
        schemaVersion: await schemaVersion(k.db),
        integrity: problems.length ? problems : ('ok' as const),
      };
    },
  });
  route(app, k.db, {
    method: 'GET', url: '/api/meta', tags: ['系统'], summary: '角色的名称、组织类型的上下级规则与地区时区',
    public: true, scoped: false,
    response: z.object({
      roles: z.array(z.object({ role: z.string(), label: z.string() })),
      // Labels of kinds are in the OpenAPI document's vocabularies (OrgKind, UnitKind).
      orgKinds: z.array(z.object({ kind: ORG_KINDS.schema, children: z.array(ORG_KINDS.schema).describe('可设在其下的组织类型') })),
      demo: z.boolean().describe('演示数据'),
      timeZone: z.string().describe('地区时区（IANA 名称），“今天”以此为准'),
    }),
    handler: async () => ({
      // Read each time: a banner on every page says the accounts are public.
      demo: await demoLoaded(k.db),
      roles: ROLES.map((role) => ({ role, label: ROLE_LABELS[role] })),
      orgKinds: ORG_KINDS.values.map((kind) => ({ kind, children: [...ORG_CHILD_KINDS[kind]] })),
      timeZone: REGION_TIME_ZONE,
    }),
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get(PRINT_SCRIPT_URL, { schema: { hide: true } }, async (_req, reply) => reply.type('text/javascript; charset=utf-8').send(PRINT_SCRIPT));

  const settings: ServerSettings = { secureCookies: opts.secureCookies ?? false, webhooksAnywhere: opts.webhooksAnywhere ?? false };
  const runner = new JobRunner(k.db, k.cipher, MODULES.flatMap((m) => m.jobs ?? []), MODULES.flatMap((m) => m.tasks ?? []), { ...opts.jobs, settings });
  app.decorate('jobs', runner);
  if (opts.jobs?.poll) app.addHook('onReady', async () => runner.start(opts.jobs?.pollMs));
  app.addHook('onClose', () => runner.stop());
  const ctx = {
    orgHoldings: MODULES.flatMap((m) => m.orgHoldings ?? []),
    orgFigures: MODULES.flatMap((m) => m.orgFigures ?? []),
    coverageGaps: MODULES.flatMap((m) => m.coverageGaps ?? []),
    statistics: MODULES.flatMap((m) => m.statistics ?? []),
    todo: MODULES.flatMap((m) => m.todo ?? []),
    fundTargets: MODULES.flatMap((m) => m.fundTargets ?? []),
    commendations: MODULES.flatMap((m) => m.commendations ?? []),
    ...settings,
    jobs: runner,
  };
  for (const m of MODULES) {
    m.routes(app, k, ctx);
    for (const indicator of m.indicators ?? []) registerIndicator(indicator);
  }
  opts.extraRoutes?.(app, k);

  const webDir = opts.webDir === undefined ? WEB_DIST : opts.webDir;
  const serveWeb = webDir !== null && existsSync(path.join(webDir, 'index.html'));
  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: webDir, wildcard: false, cacheControl: false,
      // A chunk's name carries its content's hash, so a phone keeps it for a year and never asks again;
      // the page and the entry script are asked about each time (a 304 when unchanged), so a release reaches everyone at once.
      setHeaders: (res, file) => res.header('cache-control', /[\\/]chunks[\\/]/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  }
  app.setNotFoundHandler((req, reply) => {
    // Client-side routes (/orgs, /users…) all load the single page.
    if (serveWeb && req.method === 'GET' && !req.url.startsWith('/api/')) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return reply.code(404).send(errorBody(noRoute({ route: `${req.method} ${req.url.split('?')[0]}` }), langOf(req.headers['accept-language'])));
  });
  return app;
}

import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp, type AppOptions } from '../../server/src/app.ts';
import { DEMO_PASSWORD } from '../../server/src/demo/meihekou.ts';
import type { Kernel } from '../../server/src/kernel/kernel.ts';
import { CLIENT_HEADER, CLIENT_HEADER_VALUE } from '../../server/src/kernel/security.ts';
import { testCipher, testDatabase } from './db.ts';

export interface RouteInfo {
  method: string;
  url: string;
  /** The OpenAPI operation: parameters, requestBody, security. */
  op: { parameters?: { in: string; name: string }[]; requestBody?: unknown; security?: unknown[] };
}

export interface Response {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
  headers: Record<string, unknown>;
}

/** What the web client sends with every request (kernel/security.ts); raw injects of writes add it. */
export const APP_HEADERS = { [CLIENT_HEADER]: CLIENT_HEADER_VALUE };

export interface TestApp {
  app: FastifyInstance;
  kernel: Kernel;
  /** Every API route the app registered (the isolation and bad-input tests walk them all). */
  routes: RouteInfo[];
  /** Signs in and returns the session cookie. */
  login(username: string, password?: string): Promise<string>;
  request(method: string, url: string, opts?: { cookie?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
  close(): Promise<void>;
}

export async function testApp(opts: { demo?: boolean } & Pick<AppOptions, 'extraRoutes' | 'jobs' | 'webhooksAnywhere'> = {}): Promise<TestApp> {
  const { db, close } = await testDatabase({ demo: opts.demo ?? true });
  const kernel: Kernel = { db, cipher: testCipher };
  const routes: RouteInfo[] = [];
  const app = await buildApp(kernel, { webDir: null, extraRoutes: opts.extraRoutes, jobs: opts.jobs, webhooksAnywhere: opts.webhooksAnywhere });
  await app.ready();
  collectRoutes(app, routes);
  const request = async (method: string, url: string, o: { cookie?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Response> => {
    const inject: InjectOptions = { method: method as InjectOptions['method'], url, headers: { ...APP_HEADERS, ...o.headers, ...(o.cookie ? { cookie: o.cookie } : {}) } };
    if (o.body !== undefined) inject.payload = o.body as InjectOptions['payload'];
    const res = await app.inject(inject);
    const json = String(res.headers['content-type'] ?? '').includes('json') && res.body;
    return { status: res.statusCode, body: json ? JSON.parse(res.body) : res.body, text: res.body, headers: res.headers };
  };
  return {
    app,
    kernel,
    routes,
    request,
    login: async (username, password = DEMO_PASSWORD) => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', headers: APP_HEADERS, payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'gj_session');
      return `gj_session=${cookie!.value}`;
    },
    close: async () => {
      await app.close();
      await close();
    },
  };
}

/** The API routes of the app, read from the OpenAPI document the app generates. */
function collectRoutes(app: FastifyInstance, into: RouteInfo[]): void {
  const doc = app.swagger() as { paths: Record<string, Record<string, RouteInfo['op']>> };
  for (const [p, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      into.push({ method: method.toUpperCase(), url: p.replace(/\{(\w+)\}/g, ':$1'), op });
    }
  }
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { defineErrors, langOf, type AppError } from './errors.ts';
import { errorBody } from './http.ts';

/**
 * The header the web client sends with every request. A cross-site HTML form
 * cannot send a custom header, and a cross-origin fetch that sets one needs a
 * CORS preflight, which this server never grants.
 */
export const CLIENT_HEADER = 'x-requested-with';
export const CLIENT_HEADER_VALUE = 'gongjian';

// No inline script and no eval anywhere: a name that slips into HTML stays
// inert. Ant Design writes its styles at run time (CSS-in-JS), hence inline
// styles; the grid map's base image is a data:/blob: URL before it is saved.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin a request addressed, as the browser names it: scheme, host and port. */
const requestOrigin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

/**
 * A state-changing request must prove it comes from the app's own pages: its
 * Origin (or, where a browser sends none, Sec-Fetch-Site) names this site,
 * and it carries the client header. Sign-in and sign-up count too, so no
 * other site can sign a victim into an account of its choosing.
 */
const E = defineErrors('cross_site', {
  origin: {
    status: 403,
    zh: '拒绝来自其他网站（{origin}）的修改请求，请在本系统的页面中操作',
    en: 'A change requested from another site ({origin}) is refused; please use this system\'s own pages',
  },
  site: { status: 403, zh: '拒绝来自其他网站的修改请求，请在本系统的页面中操作', en: 'A change requested from another site is refused; please use this system\'s own pages' },
  header: { status: 403, zh: '请求缺少请求头 {header}，请在本系统的页面中操作', en: 'The request lacks the header {header}; please use this system\'s own pages' },
});

function crossSite(req: FastifyRequest, publicOrigin: string | null): AppError | null {
  const origin = req.headers.origin;
  if (origin !== undefined) {
    if (origin !== (publicOrigin ?? requestOrigin(req))) return E.origin({ origin });
  } else {
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') return E.site();
  }
  if (req.headers[CLIENT_HEADER] !== CLIENT_HEADER_VALUE) return E.header({ header: `${CLIENT_HEADER}: ${CLIENT_HEADER_VALUE}` });
  return null;
}

/**
 * Installs, before anything else runs: the security headers on every answer
 * (the app, its static files, the API, the API docs, errors), and the
 * same-origin rule on every state-changing request.
 */
export function installSecurity(app: FastifyInstance, opts: { publicOrigin: string | null }): void {
  app.addHook('onRequest', async (req, reply) => {
    reply.headers(SECURITY_HEADERS);
    const refusal = SAFE_METHODS.has(req.method) ? null : crossSite(req, opts.publicOrigin);
    // Answered here rather than thrown: this hook also guards plugins (the
    // API docs) registered before the app's error handler.
    if (refusal) return reply.code(403).send(errorBody(refusal, langOf(req.headers['accept-language'])));
  });
}

import { randomBytes } from 'node:crypto';
import { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';

// The server's log: JSON lines (pino, bundled with Fastify), one per request
// and one per unexpected error. What a request carried never reaches it —
// no bodies, cookies, query strings or personal data — only what lets an
// operator find a request again: its id, route, status, time and user.

/** Error fields kept in the log: enough to find the fault, none of the values a database error may quote in `detail`. */
const serializeError = (err: Error & { code?: unknown }) => ({ type: err.name, message: err.message, code: err.code, stack: err.stack ?? '' });

export function logOptions(opts: { logLevel?: string; logStream?: { write(line: string): void } }): FastifyServerOptions {
  return {
    // Fastify's own request lines carry the URL with its query; logRequests writes ours.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    // Random, not a counter: ids from several app servers and restarts never meet.
    genReqId: () => randomBytes(8).toString('hex'),
    logger: loggerOptions(opts),
  };
}

function loggerOptions(opts: { logLevel?: string; logStream?: { write(line: string): void } }): FastifyServerOptions['logger'] {
  return {
    level: opts.logLevel ?? 'silent',
    ...(opts.logStream ? { stream: opts.logStream } : {}),
    serializers: {
      err: serializeError,
      // Fastify's own lines (a client that went away) name the request by method and path only.
      req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    // Should a body or headers ever be logged by mistake, these stay out.
    redact: {
      paths: ['headers.cookie', 'headers.authorization', 'body', '*.password', '*.newPassword', '*.currentPassword', '*.phone', '*.idNumber'],
      censor: '***',
    },
  };
}

export function logRequests(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.addHook('onResponse', async (req, reply) => {
    req.log.info(
      {
        method: req.method,
        // The route's pattern (/api/people/:personId), never the URL: queries carry names and phones.
        route: req.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        userId: req.scope?.userId ?? null,
      },
      'request',
    );
  });
}

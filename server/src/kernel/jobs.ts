import type { FastifyInstance } from 'fastify';
import type { Database } from './db.ts';
import type { Job } from './manifest.ts';
import { ANONYMOUS } from './scope.ts';

/** Runs the modules' periodic jobs on this server's timers while the app is up (see `Job`). */
export function startJobs(app: FastifyInstance, db: Database, jobs: readonly Job[]): void {
  const timers: NodeJS.Timeout[] = [];
  app.addHook('onReady', async () => {
    for (const job of jobs) {
      const timer = setInterval(() => {
        db.scoped(ANONYMOUS, (q) => job.run(q)).catch((err: Error) => app.log.error({ err, job: job.name }, 'job failed'));
      }, job.everyMs);
      timer.unref();
      timers.push(timer);
    }
  });
  app.addHook('onClose', async () => timers.forEach(clearInterval));
}

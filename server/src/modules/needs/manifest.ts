import { fileURLToPath } from 'node:url';
import { needsDemo } from '../../demo/needs.ts';
import { defineModule, rowsHeld } from '../../kernel/manifest.ts';
import { needRoutes } from './routes.ts';
import * as needs from './service.ts';

// A need's history (need_events) is read through the need and stays as it happened.
const needsHeld = rowsHeld({ noun: { zh: '需求', en: 'needs' }, measure: { zh: '条', en: 'need' } }, ['needs', 'need_claims', 'need_dispatches', 'need_photos', 'need_reveals']);

export default defineModule({
  name: 'needs',
  routes: needRoutes,
  migrationsDir: fileURLToPath(new URL('migrations', import.meta.url)),
  demoStep: needsDemo,
  isolationPart: () => import('../../../../test/isolation/parts/needs.ts').then((m) => m.needsPart),
  statistics: needs.statisticsFigures(),
  indicators: [needs.OPEN_NEEDS_INDICATOR],
  todo: needs.todo,
  fundTargets: [{
    kind: 'need',
    find: async (q, _scope, id) => {
      const n = await needs.get(q, id);
      return { label: n.title, orgIds: [n.orgId] };
    },
    candidates: async (q, _scope, orgId) => (await needs.list(q, { orgId, page: 1, pageSize: 200 })).items.map((n) => ({ id: n.id, label: n.title, orgId: n.orgId })),
  }],
  orgHoldings: [
    {
      ...needsHeld,
      // Escalated to it, the matter waits on it too.
      count: async (q, orgId) => (await needsHeld.count(q, orgId)) + (await needs.countEscalatedTo(q, orgId)),
      move: async (q, m) => {
        await needsHeld.move(q, m);
        await needs.escalateInstead(q, m.from, m.to);
      },
    },
  ],
  // Marks overdue matters and escalates them; they read as overdue at once anyway (gj_need_overdue).
  jobs: [{ name: 'needs.overdue-sweep', everyMs: 60_000, run: (q) => needs.sweepOverdue(q) }],
});

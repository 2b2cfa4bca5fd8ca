import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { actionCallers, actionMismatches, orgsOf, places, type Caller, type Places } from '../../../../test/support/allowed-actions.ts';
import { ALLIANCE_PAGE_ACTIONS } from './schema.ts';

// Role × action for the alliance page's settings: what the settings list for
// a caller is exactly what that caller gets done. Only the secretary and the
// administrators above decide (not grid workers), and a grid has no page.

let t: TestApp;
let p: Places;
let callers: Caller[];

before(async () => {
  t = await testApp({ demo: true });
  p = await places(t);
  callers = await actionCallers(t, p);
});
after(() => t.close());

const DECIDE_AT = {
  光明: ['admin', 'guangming', 'xinhua'],
  光明一网格: [],
  向阳: ['admin', 'heping', 'mixed.worker', 'xiangyang'],
};

test('a page’s settings list edit exactly for whom may change them', async () => {
  for (const [name, orgId] of orgsOf(p)) {
    const found = await actionMismatches(callers, {
      actions: ALLIANCE_PAGE_ACTIONS.values,
      fresh: async () => orgId,
      read: async (c) => {
        const r = await t.request('GET', `/api/orgs/${orgId}/alliance-page`, { cookie: c.cookie });
        return r.status === 200 ? r.body : undefined;
      },
      attempt: (c) => t.request('PATCH', `/api/orgs/${orgId}/alliance-page`, { cookie: c.cookie, body: { sections: ['venues', 'projects'] } }),
    });
    assert.deepEqual(found.mismatches, [], name);
    assert.deepEqual(found.allowed.edit ?? [], DECIDE_AT[name], name);
  }
});

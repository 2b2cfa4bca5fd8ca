import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { actionCallers, actionMismatches, places, type Caller } from '../../../../test/support/allowed-actions.ts';
import { REPORT_IN_ACTIONS } from './schema.ts';

// Every role, and users whose grants differ from place to place, against the
// steps a report-in carries in the state each is taken from: a step is
// listed exactly when taking it succeeds.

let t: TestApp;
let admin: string;
let issuer: string;
let callers: Caller[];
const ids = {} as Record<'g1' | 'community' | 'xiangyang' | 'tax', number>;
let serial = 0;

before(async () => {
  t = await testApp({ demo: true });
  admin = await t.login('admin');
  const p = await places(t);
  Object.assign(ids, { g1: p.grid, community: p.guangming, xiangyang: p.xiangyang, tax: p.tax.id });
  callers = await actionCallers(t, p);
  issuer = callers.find((c) => c.name === 'liaison')!.cookie;
});
after(() => t.close());

/** A new member employed by the tax bureau, registered to report in at 光明 by its liaison; accepted first where the step is a pledge. */
async function freshReportIn(action: string): Promise<number> {
  const person = await t.request('POST', '/api/people', { cookie: admin, body: { orgId: ids.g1, unitId: ids.tax, name: `报到测试${++serial}`, isMember: true, category: 'employed' } });
  assert.equal(person.status, 200, person.text);
  const issued = await t.request('POST', '/api/report-ins', { cookie: issuer, body: { personId: person.body.id, orgId: ids.community } });
  assert.equal(issued.status, 200, issued.text);
  if (action === 'commit') assert.equal((await t.request('POST', `/api/report-ins/${issued.body.id}/accept`, { cookie: admin })).status, 200);
  return issued.body.id;
}

const attempt = (cookie: string, action: string, id: number) =>
  t.request('POST', `/api/report-ins/${id}/${action === 'commit' ? 'commitment' : action}`, {
    cookie,
    body: action === 'decline' ? { reason: '不在本社区居住' } : action === 'commit' ? { serviceItem: '政策宣讲', commitment: '每月一次' } : undefined,
  });

test('a report-in lists the steps the caller may take, and exactly those succeed', async () => {
  const { mismatches, allowed } = await actionMismatches(callers, {
    actions: REPORT_IN_ACTIONS.values,
    fresh: freshReportIn,
    read: async (c, id) => {
      const res = await t.request('GET', `/api/report-ins/${id}`, { cookie: c.cookie });
      return res.status === 200 ? res.body : undefined;
    },
    attempt: (c, action, id) => attempt(c.cookie, action, id),
  });
  assert.deepEqual(mismatches, []);
  const ADMINS_THERE = ['admin', 'guangming', 'xinhua'];
  assert.deepEqual(allowed.withdraw?.sort(), ['liaison'], 'the issuing unit’s liaisons only');
  assert.deepEqual(allowed.accept?.sort(), ADMINS_THERE, 'a grid worker there is no administrator there, whatever they are elsewhere');
  assert.deepEqual(allowed.decline?.sort(), ADMINS_THERE);
  assert.deepEqual(allowed.commit?.sort(), ADMINS_THERE);
});

test('a step not allowed is refused with a code of its own; the list says which sides the caller works', async () => {
  const id = await freshReportIn('accept');
  const early = await attempt(admin, 'commit', id);
  assert.deepEqual([early.status, early.body.error.code], [400, 'reportin.pledge_before_accept']);
  const byIssuer = await attempt(issuer, 'accept', id);
  assert.deepEqual([byIssuer.status, byIssuer.body.error.code], [403, 'reportin.admins_receive'], 'the unit sees it, and may not receive it');
  await attempt(admin, 'accept', id);
  const twice = await attempt(admin, 'decline', id);
  assert.deepEqual([twice.status, twice.body.error.code], [400, 'reportin.not_pending']);
  const sides = async (name: string) => (await t.request('GET', '/api/report-ins', { cookie: await t.login(name) })).body.actions;
  assert.deepEqual(await sides('liaison'), ['issue']);
  assert.deepEqual(await sides('guangming'), ['receive']);
  assert.deepEqual(await sides('dangyuan'), []);
});

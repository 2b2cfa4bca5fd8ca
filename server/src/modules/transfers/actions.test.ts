import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { actionCallers, actionMismatches, places, type Caller } from '../../../../test/support/allowed-actions.ts';
import { TRANSFER_ACTIONS } from './schema.ts';

// Every role, and users whose grants differ from place to place, against the
// steps a transfer carries in the state each step is taken from: a step is
// listed exactly when taking it succeeds.

let t: TestApp;
let admin: string;
let callers: Caller[];
const ids = {} as Record<'g1' | 'community' | 'xiangyang' | 'tax', number>;
let serial = 0;

before(async () => {
  t = await testApp({ demo: true });
  admin = await t.login('admin');
  const p = await places(t);
  Object.assign(ids, { g1: p.grid, community: p.guangming, xiangyang: p.xiangyang, tax: p.tax.id });
  callers = await actionCallers(t, p);
});
after(() => t.close());

/** Where each step is taken from: the status a fresh transfer is brought to first. */
const FROM = { approve: 'requested', return: 'requested', withdraw: 'requested', resubmit: 'returned', receive: 'approved' } as const;

/** A new member of 光明's first grid, sent to 向阳, brought to the status the step is taken from. */
async function freshTransfer(action: string): Promise<number> {
  const person = await t.request('POST', '/api/people', { cookie: admin, body: { orgId: ids.g1, name: `转接测试${++serial}`, isMember: true } });
  assert.equal(person.status, 200, person.text);
  const made = await t.request('POST', '/api/transfers', { cookie: admin, body: { personId: person.body.id, toOrgId: ids.xiangyang, reason: '迁居' } });
  assert.equal(made.status, 200, made.text);
  const from = FROM[action as keyof typeof FROM];
  if (from === 'returned') await t.request('POST', `/api/transfers/${made.body.id}/return`, { cookie: admin, body: { note: '请补充' } });
  if (from === 'approved') await t.request('POST', `/api/transfers/${made.body.id}/approve`, { cookie: admin });
  return made.body.id;
}

const attempt = (cookie: string, action: string, id: number) =>
  t.request('POST', `/api/transfers/${id}/${action}`, {
    cookie,
    body: action === 'return' ? { note: '退回' } : action === 'resubmit' ? { toOrgId: ids.xiangyang, reason: '迁居向阳' } : undefined,
  });

test('a transfer lists the steps the caller may take, and exactly those succeed', async () => {
  const { mismatches, allowed } = await actionMismatches(callers, {
    actions: TRANSFER_ACTIONS.values,
    fresh: freshTransfer,
    read: async (c, id) => {
      const res = await t.request('GET', `/api/transfers/${id}`, { cookie: c.cookie });
      return res.status === 200 ? res.body : undefined;
    },
    attempt: (c, action, id) => attempt(c.cookie, action, id),
  });
  assert.deepEqual(mismatches, []);
  const SENDING_ADMINS = ['admin', 'guangming', 'xinhua'];
  assert.deepEqual(allowed.approve?.sort(), SENDING_ADMINS);
  assert.deepEqual(allowed.return?.sort(), SENDING_ADMINS);
  assert.deepEqual(allowed.withdraw?.sort(), ['mixed.worker', ...SENDING_ADMINS, 'wangge'].sort(), 'the sending side’s staff, a grid worker there too');
  assert.deepEqual(allowed.resubmit?.sort(), ['mixed.worker', ...SENDING_ADMINS, 'wangge'].sort());
  assert.deepEqual(allowed.receive?.sort(), ['admin', 'heping', 'mixed.worker', 'xiangyang'], 'the receiving side’s administrators, a secretary there who is a grid worker elsewhere too');
});

test('a step not allowed is refused with a code of its own', async () => {
  const wangge = await t.login('wangge');
  const requested = await freshTransfer('approve');
  const approve = await attempt(wangge, 'approve', requested);
  assert.deepEqual([approve.status, approve.body.error.code], [403, 'transfer.sending_admins']);
  const receive = await attempt(admin, 'receive', requested);
  assert.deepEqual([receive.status, receive.body.error.code], [403, 'transfer.step_refused']);
  await attempt(admin, 'withdraw', requested);
  const after = await attempt(admin, 'approve', requested);
  assert.deepEqual([after.status, after.body.error.code], [403, 'transfer.finished']);
  const list = await t.request('GET', '/api/transfers', { cookie: wangge });
  assert.deepEqual(list.body.actions, ['create'], 'a grid worker starts transfers of their grid’s members');
  const member = await t.request('GET', '/api/transfers', { cookie: await t.login('dangyuan') });
  assert.deepEqual(member.body.actions, []);
});

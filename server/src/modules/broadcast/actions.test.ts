import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { enqueue } from '../../kernel/jobs.ts';
import { actionCallers, actionMismatchesAcross, places, type Caller, type Places } from '../../../../test/support/allowed-actions.ts';
import { SUBSCRIPTION_ACTIONS, SUBSCRIPTION_LIST_ACTIONS } from './schema.ts';
import { useMailer } from './service.ts';

// Role × action for subscriptions: what a subscription and the list offer a
// role is exactly what that role gets done; a person's own subscription is
// theirs alone, and their unsubscription stands against administrators.

let t: TestApp;
let p: Places;
let cast: Caller[];
let admin: string;
let n = 0;

before(async () => {
  t = await testApp({ demo: true });
  p = await places(t);
  cast = await actionCallers(t, p);
  admin = await t.login('admin');
  useMailer({ send: async () => undefined });
});
after(async () => {
  useMailer(null);
  await t.close();
});

const orgs = () => [{ name: '光明', orgId: p.guangming }, { name: '向阳', orgId: p.xiangyang }];
const robot = (orgId: number) => ({ orgId, channel: 'dingtalk', name: `权限测试群${++n}`, target: 'https://oapi.dingtalk.com/robot/send?access_token=t', kinds: ['need.claimed'] });

async function newSubscription(orgId: number): Promise<number> {
  const r = await t.request('POST', '/api/broadcast/subscriptions', { cookie: admin, body: robot(orgId) });
  assert.equal(r.status, 200, r.text);
  return r.body.id;
}

test('an organization’s subscription lists edit and remove exactly for whom may take them, and unsubscribe for no one', async () => {
  const subjects = await Promise.all(orgs().map(async (o) => ({ ...o, id: await newSubscription(o.orgId) })));
  const { mismatches, done } = await actionMismatchesAcross(cast, {
    actions: SUBSCRIPTION_ACTIONS.values, subjects, name: (s) => s.name,
    fresh: async (s) => ({ ...s, id: await newSubscription(s.orgId) }),
    listed: async (a, s) => {
      const r = await t.request('GET', `/api/broadcast/subscriptions?orgId=${s.orgId}`, { cookie: a.cookie });
      return r.body.items?.find((x: { id: number }) => x.id === s.id)?.actions ?? null;
    },
    attempt: (a, action, s) =>
      action === 'edit'
        ? t.request('PATCH', `/api/broadcast/subscriptions/${s.id}`, { cookie: a.cookie, body: { kinds: ['need.overdue'] } })
        : action === 'remove'
          ? t.request('DELETE', `/api/broadcast/subscriptions/${s.id}`, { cookie: a.cookie })
          : t.request('POST', `/api/broadcast/subscriptions/${s.id}/unsubscribe`, { cookie: a.cookie }),
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual([...done].sort(), ['edit', 'remove']);
});

test('the list lists create exactly where the viewer may add a subscription', async () => {
  const { mismatches, done } = await actionMismatchesAcross(cast, {
    actions: SUBSCRIPTION_LIST_ACTIONS.values, subjects: orgs(), name: (s) => s.name, fresh: async (s) => s,
    listed: async (a, s) => {
      const r = await t.request('GET', `/api/broadcast/subscriptions?orgId=${s.orgId}`, { cookie: a.cookie });
      return r.status === 200 ? r.body.actions : null;
    },
    attempt: (a, _action, s) => t.request('POST', '/api/broadcast/subscriptions', { cookie: a.cookie, body: robot(s.orgId) }),
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual([...done], ['create']);
});

test('a person’s own subscription: theirs to keep and to unsubscribe; an administrator can neither keep it nor turn it on again', async () => {
  const member = await t.login('dangyuan');
  const [home] = await t.kernel.db.system((q) => q.query<{ id: number }>(`SELECT g.org_id AS id FROM user_grants g JOIN users u ON u.id = g.user_id WHERE u.username = 'dangyuan' LIMIT 1`));
  const robotRefused = await t.request('POST', '/api/broadcast/subscriptions', { cookie: member, body: { ...robot(home!.id), personal: true } });
  assert.equal(robotRefused.body.error.code, 'broadcast.personal_robot');
  const elsewhere = await t.request('POST', '/api/broadcast/subscriptions', { cookie: member, body: { orgId: p.xiangyang, personal: true, channel: 'email', name: '我的邮件', target: 'zhou@example.cn', kinds: ['need.claimed'] } });
  assert.equal(elsewhere.body.error.code, 'kernel.not_found', 'an organization the member does not see');
  const own = await t.request('POST', '/api/broadcast/subscriptions', { cookie: member, body: { orgId: home!.id, personal: true, channel: 'email', name: '我的邮件', target: 'zhou@example.cn', kinds: ['need.claimed'] } });
  assert.equal(own.status, 200, own.text);
  assert.equal(own.body.targetHint, '＊＊@example.cn', 'the address is shown masked');
  assert.deepEqual(own.body.actions, ['edit', 'remove', 'unsubscribe']);
  const gone = await t.request('POST', `/api/broadcast/subscriptions/${own.body.id}/unsubscribe`, { cookie: member });
  assert.deepEqual([gone.body.active, gone.body.unsubscribed], [false, true]);
  const again = await t.request('POST', `/api/broadcast/subscriptions/${own.body.id}/unsubscribe`, { cookie: member });
  assert.equal(again.body.error.code, 'broadcast.already_unsubscribed');
  const secretary = await t.login('guangming');
  const turnedOn = await t.request('PATCH', `/api/broadcast/subscriptions/${own.body.id}`, { cookie: secretary, body: { active: true } });
  assert.equal(turnedOn.body.error.code, 'broadcast.own_only');
  const jobs = await t.request('GET', '/api/jobs', { cookie: secretary });
  assert.equal(jobs.body.error.code, 'broadcast.admin_jobs_only');
  // A queued job, with its times, as the district administrator reads it.
  const queued = await t.kernel.db.system((q) => enqueue(q, 'broadcast.deliver', {}));
  const byAdmin = await t.request('GET', '/api/jobs', { cookie: admin });
  assert.equal(byAdmin.status, 200, byAdmin.text);
  assert.equal(typeof byAdmin.body.items.find((j: { id: number }) => j.id === queued)?.runAt, 'string');
});

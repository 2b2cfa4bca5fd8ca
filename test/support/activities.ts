import assert from 'node:assert/strict';
import * as people from '../../server/src/modules/people/service.ts';
import * as users from '../../server/src/modules/users/service.ts';
import type { TestApp } from './app.ts';
import { testCipher } from './db.ts';

// Shared by the activities and points tests: points are earned by attending,
// so both need members who sign in and an activity under way to check in to.

const hour = 3_600_000;
export const when = (fromNowHours: number) => new Date(Date.now() + fromNowHours * hour).toISOString();

/** An activity of the demo's 光明社区 (or the organization named), under way from an hour ago, published by `cookie`. */
export async function publishActivity(t: TestApp, cookie: string, orgId: number, body: Record<string, unknown> = {}): Promise<{ id: number; orgId: number }> {
  const res = await t.request('POST', '/api/activities', {
    cookie,
    body: {
      orgId, kind: 'volunteer', title: '测试志愿服务', place: '光明社区', startsAt: when(-1), endsAt: when(2), capacity: 10,
      audience: ['members', 'residents'], ...body,
    },
  });
  assert.equal(res.status, 200, res.text);
  return res.body;
}

/** Members with accounts in a grid (光明社区第一网格 unless named), signed in. */
export async function newMembers(t: TestApp, tag: string, n: number, gridName = '光明社区第一网格党支部'): Promise<{ cookie: string; personId: number; userId: number }[]> {
  const grid = (await t.request('GET', `/api/orgs?q=${encodeURIComponent(gridName)}`, { cookie: await t.login('admin') })).body.items[0].id;
  const made = await t.kernel.db.system(async (q) => {
    const out: { username: string; personId: number; userId: number }[] = [];
    for (let i = 0; i < n; i++) {
      const username = `${tag}${i}`;
      const user = await users.create(q, { username, displayName: `${tag}${i}`, password: 'Member12345', orgId: grid, grants: [{ role: 'member', orgId: grid }] });
      const person = await people.create(q, testCipher, { orgId: grid, name: `测试党员${tag}${i}`, isMember: true, category: 'retired' });
      await people.linkAccount(q, person.id, user.id);
      out.push({ username, personId: person.id, userId: user.id });
    }
    return out;
  });
  return Promise.all(made.map(async (m) => ({ cookie: await t.login(m.username, 'Member12345'), personId: m.personId, userId: m.userId })));
}

/** A member checks in to an activity under way by its current code: attendance, and the points it earns. */
export async function attend(t: TestApp, organizer: string, member: string, activityId: number): Promise<void> {
  const code = (await t.request('GET', `/api/activities/${activityId}/checkin-code`, { cookie: organizer })).body.token;
  const res = await t.request('POST', `/api/activities/${activityId}/checkin`, { cookie: member, body: { token: code } });
  assert.equal(res.status, 200, res.text);
}

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import * as users from '../users/service.ts';
import * as people_ from './service.ts';

// 三顺店: the joint committee (联合党委) joins 13 unit branches that stay under
// their own parents (the street); their members hold a dual identity.
let t: TestApp;
let admin: string;
let joint: number;
let street: number;
before(async () => {
  t = await testApp({ demo: true });
  admin = await t.login('admin');
  const j = await find('三顺店社区联合党委');
  joint = j.id;
  street = j.parentId;
});
after(() => t.close());

async function find(name: string): Promise<{ id: number; kind: string; parentId: number }> {
  const res = await t.request('GET', `/api/orgs?q=${encodeURIComponent(name)}`, { cookie: admin });
  const hit = res.body.items.find((o: { name: string }) => o.name === name);
  assert.ok(hit, `${name} not found`);
  return hit;
}
type Item = { id: number; name: string; orgId: number; phoneMasked: string | null; joinedThrough?: { orgId: number; orgName: string } | null };
const people = async (cookie: string, query: string) => (await t.request('GET', `/api/people?${query}&pageSize=100`, { cookie })).body as { total: number; items: Item[] };
const summary = async (orgId: number) => (await t.request('GET', `/api/orgs/${orgId}/summary`, { cookie: admin })).body;

let secretary: string;
async function jointSecretary(): Promise<string> {
  secretary ??= await (async () => {
    const res = await t.request('POST', '/api/users', {
      cookie: admin,
      body: { username: 'ssd-joint-sec', displayName: '联合党委书记', password: 'Joint-2026-pass', orgId: joint, grants: [{ role: 'community_secretary', orgId: joint }] },
    });
    assert.equal(res.status, 200, res.text);
    return t.login('ssd-joint-sec', 'Joint-2026-pass');
  })();
  return secretary;
}

test('the joint committee lists the joined branches’ members as its own, marked, and its secretary reads only their names', async () => {
  const branches = (await t.request('GET', `/api/orgs/${joint}/ties`, { cookie: admin })).body.items.filter((x: { kind: string; orgId: number }) => x.kind === 'joins' && x.orgId === joint);
  assert.equal(branches.length, 13);
  const expected = new Set<number>();
  for (const b of branches) for (const p of (await people(admin, `orgId=${b.toOrgId}&kind=member`)).items) expected.add(p.id);
  assert.ok(expected.size > 0);

  const sec = await jointSecretary();
  const list = await people(sec, `orgId=${joint}`);
  const joined = list.items.filter((p) => p.joinedThrough);
  assert.deepEqual(new Set(joined.map((p) => p.id)), expected, 'every member of a joined branch, once');
  assert.equal(list.total, list.items.length);
  for (const p of joined) {
    assert.equal(p.joinedThrough!.orgId, joint);
    assert.notEqual(p.orgId, joint, 'each stays in their own branch');
    assert.equal(p.phoneMasked, null, 'names and basic fields only');
  }
  // The file itself stays behind row-level security: the joint committee's secretary is no branch's.
  assert.equal((await t.request('GET', `/api/people/${joined[0]!.id}`, { cookie: sec })).status, 404);
  // Filters apply to the joined members too.
  const named = await people(sec, `orgId=${joint}&q=${encodeURIComponent(joined[0]!.name)}`);
  assert.ok(named.items.some((p) => p.id === joined[0]!.id));

  // Another community's secretary learns nothing of them through the joint committee.
  const outsider = await t.request('GET', `/api/people?orgId=${joint}`, { cookie: await t.login('guangming') });
  assert.ok(outsider.status === 404 || outsider.body.total === 0, outsider.text);
});

test('a member’s file shows their own branch and the joint committee', async () => {
  const [b] = (await t.request('GET', `/api/orgs/${joint}/ties`, { cookie: admin })).body.items.filter((x: { kind: string }) => x.kind === 'joins');
  const [member] = (await people(admin, `orgId=${b.toOrgId}&kind=member`)).items;
  const file = await t.request('GET', `/api/people/${member!.id}`, { cookie: admin });
  assert.equal(file.status, 200, file.text);
  assert.equal(file.body.orgId, b.toOrgId);
  assert.deepEqual(file.body.jointCommittees, [{ orgId: joint, orgName: '三顺店社区联合党委' }]);
});

test('head counts: the joint committee counts its joined members; the street above counts each member once', async () => {
  const j = await summary(joint);
  const listed = await people(admin, `orgId=${joint}&kind=member`);
  assert.ok(j.joinedMemberCount > 0);
  assert.equal(j.memberCount, listed.total);

  const s = await summary(street);
  const records = await people(admin, `orgId=${street}&kind=member`);
  const distinct = new Set<number>();
  for (let page = 1; (page - 1) * 100 < records.total; page++) {
    for (const p of (await t.request('GET', `/api/people?orgId=${street}&kind=member&pageSize=100&page=${page}`, { cookie: admin })).body.items) distinct.add(p.id);
  }
  assert.equal(s.memberCount, distinct.size, 'the street counts distinct records');
  assert.equal(s.joinedMemberCount, undefined);
});

test('joining is refused from a non-joint committee, of oneself, of a non-branch and outside the joint committee’s area', async () => {
  const code = async (orgId: number, toOrgId: number) => {
    const res = await t.request('POST', `/api/orgs/${orgId}/ties`, { cookie: admin, body: { kind: 'joins', toOrgId, startedOn: '2026-01-01' } });
    assert.equal(res.status, 400, res.text);
    return res.body.error.fieldCodes?.toOrgId ?? res.body.error.fieldCodes?.kind ?? res.body.error.code;
  };
  const community = (await find('三顺店社区党支部')).id;
  assert.equal(await code(joint, joint), 'org.tie_self');
  assert.equal(await code(community, (await find('回民区税务所党支部')).id), 'org.joins_from_joint');
  assert.equal(await code(joint, (await find('三顺店第一居民院落党小组')).id), 'org.joins_not_branch');
  assert.equal(await code(joint, (await find('光明社区第二网格党支部')).id), 'org.joins_outside');
});

test('a member of a joined branch sees the joint committee’s activities open to members and signs up', async () => {
  const [b] = (await t.request('GET', `/api/orgs/${joint}/ties`, { cookie: admin })).body.items.filter((x: { kind: string }) => x.kind === 'joins');
  const [member] = (await people(admin, `orgId=${b.toOrgId}&kind=member`)).items;
  await t.kernel.db.system(async (q) => {
    const user = await users.create(q, { username: 'ssd-joined-member', displayName: member!.name, password: 'Joined-2026-pass', orgId: b.toOrgId, grants: [{ role: 'member', orgId: b.toOrgId }] });
    await people_.linkAccount(q, member!.id, user.id);
  });
  const cookie = await t.login('ssd-joined-member', 'Joined-2026-pass');
  const day = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();
  const made = await t.request('POST', '/api/activities', {
    cookie: admin,
    body: { orgId: joint, kind: 'volunteer', title: '联合党委联合巡逻', place: '三顺店社区', startsAt: day(240), endsAt: day(242), capacity: 20, audience: ['members'] },
  });
  assert.equal(made.status, 200, made.text);
  const listed = await t.request('GET', '/api/activities', { cookie });
  assert.ok(listed.body.items.some((a: { id: number }) => a.id === made.body.id), 'listed to the joined member');
  const signed = await t.request('POST', `/api/activities/${made.body.id}/signup`, { cookie });
  assert.equal(signed.status, 200, signed.text);
});

test('the joint committee invites the joined members to its meeting by name; each sees it on their phone and answers; a member of elsewhere is refused', async () => {
  const sec = await jointSecretary();
  const [b] = (await t.request('GET', `/api/orgs/${joint}/ties`, { cookie: admin })).body.items.filter((x: { kind: string }) => x.kind === 'joins');
  const [member] = (await people(admin, `orgId=${b.toOrgId}&kind=member`)).items;
  // The member of the test above, signed in on their phone.
  const cookie = await t.login('ssd-joined-member', 'Joined-2026-pass');
  const m = await t.request('POST', '/api/meetings', { cookie: sec, body: { orgId: joint, kind: 'committee', title: '联合党委党员大会', startsAt: '2026-06-05T09:00:00+08:00' } });
  assert.equal(m.status, 200, m.text);
  const invited = await t.request('POST', `/api/meetings/${m.body.id}/invitees`, { cookie: sec, body: { personIds: [member!.id] } });
  assert.equal(invited.status, 200, invited.text);
  const mine = await t.request('GET', '/api/meetings?invited=true', { cookie });
  assert.ok(mine.body.items.some((x: { id: number }) => x.id === m.body.id), 'listed on the joined member’s phone');
  const invitee = invited.body.invitees.find((i: { personId: number | null }) => i.personId === member!.id);
  assert.ok(invitee, invited.text);
  const answered = await t.request('POST', `/api/meeting-invitees/${invitee.id}/answer`, { cookie, body: { response: 'attending' } });
  assert.equal(answered.status, 200, answered.text);
  assert.equal((await t.request('POST', `/api/meetings/${m.body.id}/invitees`, { cookie: sec, body: { personIds: [member!.id] } })).body.error.code, 'meeting.invited_already');

  const [outsider] = (await people(admin, `orgId=${(await find('光明社区党委')).id}&kind=member`)).items;
  const refused = await t.request('POST', `/api/meetings/${m.body.id}/invitees`, { cookie: sec, body: { personIds: [outsider!.id] } });
  assert.equal(refused.body.error.code, 'meeting.member_elsewhere');
  assert.equal(refused.body.error.fieldCodes?.personIds, 'meeting.member_elsewhere');
});

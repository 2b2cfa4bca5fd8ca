import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { STAFF_AT, actionCallers, actionMismatchesAcross, orgsOf, places, type Caller, type OrgPlace, type Places } from '../../../../test/support/allowed-actions.ts';
import { regionToday } from '../../kernel/time.ts';
import { RECRUITMENT_ACTIONS, RECRUITMENT_LIST_ACTIONS, type RecruitmentAction } from './schema.ts';

// Role × action for recruitment: what a record, and the register, list for a
// caller is exactly what that caller gets done — staff where the record
// belongs, and the applicant withdrawing their own.

let t: TestApp;
let p: Places;
let cast: Caller[];
let admin: string;
/** The demo resident's (jumin's) own person: the records withdrawal is tried on are their applications. */
let residentPerson: number;
/** Two full members per place, who may sponsor there. */
const sponsorsAt = new Map<number, number[]>();
const today = regionToday();
let serial = 0;

before(async () => {
  t = await testApp({ demo: true });
  p = await places(t);
  cast = await actionCallers(t, p);
  admin = await t.login('admin');
  residentPerson = (await t.request('GET', '/api/people', { cookie: cast.find((c) => c.name === 'jumin')!.cookie })).body.items[0].id;
  for (const orgId of [p.grid, p.xiangyang]) {
    const members = (await t.request('GET', `/api/people?kind=member&orgId=${orgId}&pageSize=2`, { cookie: admin })).body.items as { id: number }[];
    for (const m of members) assert.equal((await t.request('PATCH', `/api/people/${m.id}`, { cookie: admin, body: { memberStatus: 'full' } })).status, 200);
    sponsorsAt.set(orgId, members.map((m) => m.id));
  }
});
after(() => t.close());

const post = (cookie: string, url: string, body: unknown) => t.request('POST', url, { cookie, body });

async function newPerson(orgId: number): Promise<number> {
  const res = await post(admin, '/api/people', { orgId, name: `发展测试${++serial}` });
  assert.equal(res.status, 200, res.text);
  return res.body.id;
}

/** The resident's application still open, ended by the branch so that a new one may start. */
let openOwn: number | null = null;

/**
 * A record at the place in the stage the action is taken from: an applicant
 * (advance, sponsors) or a candidate (notice, which follows candidacy); for
 * withdrawal, the resident's own application.
 */
async function freshRecord(orgId: number, action: string): Promise<number> {
  if (action === 'withdraw' && openOwn !== null) {
    const ended = await post(admin, `/api/recruitments/${openOwn}/withdraw`, { on: today, reason: '测试结束' });
    assert.ok(ended.status === 200 || ended.body.error?.code === 'recruitment.ended', ended.text);
  }
  const personId = action === 'withdraw' ? residentPerson : await newPerson(orgId);
  const made = await post(admin, '/api/recruitments', { personId, orgId, appliedOn: '2023-03-01' });
  assert.equal(made.status, 200, made.text);
  const id: number = made.body.id;
  if (action === 'withdraw') openOwn = id;
  if (action === 'notice') {
    for (const [stage, on] of [['activist', '2023-06-01'], ['candidate', '2024-07-01']]) {
      assert.equal((await post(admin, `/api/recruitments/${id}/advance`, { stage, on })).status, 200);
    }
  }
  return id;
}

function attempt(a: Caller, action: RecruitmentAction, orgId: number, id: number) {
  const url = `/api/recruitments/${id}/${action}`;
  return {
    advance: () => post(a.cookie, url, { stage: 'activist', on: '2023-06-01' }),
    sponsors: () => post(a.cookie, url, { sponsorIds: sponsorsAt.get(orgId) }),
    notice: () => post(a.cookie, url, { startsOn: '2024-08-01', endsOn: '2024-08-07' }),
    withdraw: () => post(a.cookie, url, { on: today, reason: '权限测试' }),
  }[action]();
}

type Subject = { name: OrgPlace; orgId: number; id: number };

test('a recruitment record lists advance, sponsors, notice and withdraw exactly for whom may take them', async () => {
  const subjects: Subject[] = orgsOf(p).filter(([name]) => name !== '光明').map(([name, orgId]) => ({ name, orgId, id: 0 }));
  const allowed: Record<string, string[]> = {};
  const { mismatches, done } = await actionMismatchesAcross(cast, {
    actions: RECRUITMENT_ACTIONS.values, subjects, name: (s) => s.name,
    fresh: async (s, action) => ({ ...s, id: await freshRecord(s.orgId, action) }),
    listed: async (a, s) => {
      const r = await t.request('GET', `/api/recruitments/${s.id}`, { cookie: a.cookie });
      return r.status === 200 ? r.body.actions : null;
    },
    attempt: async (a, action, s) => {
      const res = await attempt(a, action as RecruitmentAction, s.orgId, s.id);
      if (res.status < 400) (allowed[`${s.name} ${action}`] ??= []).push(a.name);
      return res;
    },
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual([...done].sort(), [...RECRUITMENT_ACTIONS.values].sort());
  for (const s of subjects) {
    for (const action of ['advance', 'sponsors', 'notice']) assert.deepEqual(allowed[`${s.name} ${action}`]!.sort(), STAFF_AT[s.name], `${s.name} ${action}`);
    assert.deepEqual(allowed[`${s.name} withdraw`]!.sort(), [...STAFF_AT[s.name], 'jumin'].sort(), `${s.name}: staff there, and the applicant their own`);
  }
});

test('the register lists create exactly where the viewer may register an applicant', async () => {
  const allowed: Record<string, string[]> = {};
  const { mismatches, done } = await actionMismatchesAcross(cast, {
    actions: RECRUITMENT_LIST_ACTIONS.values, subjects: orgsOf(p).map(([name, orgId]) => ({ name, orgId, id: 0 })), name: (s) => s.name,
    fresh: async (s) => ({ ...s, id: await newPerson(s.orgId) }),
    listed: async (a, s) => {
      const r = await t.request('GET', `/api/recruitments?orgId=${s.orgId}`, { cookie: a.cookie });
      return r.status === 200 ? r.body.actions : null;
    },
    attempt: async (a, _action, s) => {
      const res = await post(a.cookie, '/api/recruitments', { personId: s.id, orgId: s.orgId, appliedOn: '2024-01-01' });
      if (res.status < 400) (allowed[s.name] ??= []).push(a.name);
      return res;
    },
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual([...done], ['create']);
  for (const [name] of orgsOf(p)) assert.deepEqual(allowed[name]!.sort(), STAFF_AT[name], name);
});

test('each refusal of a step says why, with its code', async () => {
  const as = (name: string) => cast.find((c) => c.name === name)!;
  const code = async (res: ReturnType<typeof post>) => {
    const r = await res;
    return [r.status, r.body.error?.code, r.body.error?.fieldCodes ?? {}];
  };
  // The applicant sees their own record but takes no step of the branch's.
  const own = await freshRecord(p.grid, 'withdraw');
  assert.deepEqual(await code(attempt(as('jumin'), 'advance', p.grid, own)), [403, 'recruitment.staff_only', {}]);
  assert.deepEqual(await code(attempt(as('jumin'), 'sponsors', p.grid, own)), [403, 'recruitment.staff_only', {}]);
  // Out of sight of 光明's first grid, a 向阳 record is not found, not forbidden.
  const there = await freshRecord(p.xiangyang, 'advance');
  assert.deepEqual((await code(attempt(as('wangge'), 'advance', p.xiangyang, there))).slice(0, 2), [404, 'kernel.not_found']);
  // A step out of its stage, refused beside the field it would change.
  const applicant = await freshRecord(p.grid, 'advance');
  assert.deepEqual(await code(attempt(as('admin'), 'notice', p.grid, applicant)), [400, 'recruitment.notice_stage', { startsOn: 'recruitment.notice_stage' }]);
  assert.equal((await attempt(as('admin'), 'withdraw', p.grid, applicant)).status, 200);
  for (const action of ['advance', 'sponsors', 'withdraw'] as const) {
    const ended = await code(attempt(as('guangming'), action, p.grid, applicant));
    assert.deepEqual(ended.slice(0, 2), [400, 'recruitment.ended'], action);
  }
  const listed = await t.request('GET', `/api/recruitments/${applicant}`, { cookie: admin });
  assert.deepEqual(listed.body.actions, [], 'an ended record offers nothing');
});

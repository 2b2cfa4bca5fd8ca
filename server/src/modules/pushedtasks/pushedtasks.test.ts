import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { regionToday } from '../../kernel/time.ts';
import * as orgs from '../orgs/service.ts';

let t: TestApp;
let admin: string;
let secretary: string;
let xiangyangSecretary: string;
let department: string;
let guangming: number;
let xiangyang: number;
let grid: number;
let civil: { id: number; orgId: number };
let tax: number;

before(async () => {
  t = await testApp({ demo: true });
  admin = await t.login('admin');
  secretary = await t.login('guangming');
  xiangyangSecretary = await t.login('xiangyang');
  await t.kernel.db.system(async (q) => {
    guangming = (await orgs.search(q, '光明社区党委', 1, 1)).items[0]!.id;
    xiangyang = (await orgs.search(q, '向阳社区党委', 1, 1)).items[0]!.id;
    grid = (await orgs.search(q, '光明社区第一网格党支部', 1, 1)).items[0]!.id;
    const units = await orgs.listUnits(q);
    const u = units.find((x) => x.name === '梅河口市民政局')!;
    civil = { id: u.id, orgId: u.orgId };
    tax = units.find((x) => x.name === '梅河口市税务局')!.id;
  });
  const made = await t.request('POST', '/api/users', {
    cookie: admin,
    body: { username: 'civil.liaison', displayName: '民政局联络员', password: 'Civil12345', orgId: civil.orgId, grants: [{ role: 'unit_liaison', orgId: civil.orgId, unitId: civil.id }] },
  });
  assert.equal(made.status, 200, made.text);
  department = await t.login('civil.liaison', 'Civil12345');
});
after(() => t.close());

const post = (cookie: string, url: string, body: unknown = {}) => t.request('POST', url, { cookie, body });
const code = (res: { body: { error?: { code: string } } }) => res.body.error?.code;
const list = async (cookie: string, orgId: number) => (await t.request('GET', `/api/pushed-tasks?orgId=${orgId}`, { cookie })).body;

test('the demo (宽城): 150 tasks pushed onto 光明社区, 80% administrative, counted from the records; the district sees them per department', async () => {
  const gm = await list(secretary, guangming);
  assert.equal(gm.figures.total, 150);
  assert.equal(gm.figures.administrative, 120);
  assert.equal(gm.figures.administrativeShare, 80);
  assert.equal(gm.items.length, 150);
  assert.equal(gm.figures.withoutAuthority, gm.items.filter((x: { withoutAuthority: boolean }) => x.withoutAuthority).length);
  assert.equal(gm.figures.withoutFunds, gm.items.filter((x: { withoutFunds: boolean }) => x.withoutFunds).length);
  assert.ok(gm.figures.withoutFunds > 0 && gm.figures.withoutFunds < 150, 'some tasks come with money, many without');
  const funded = gm.items.find((x: { fundSourceName: string | null }) => x.fundSourceName !== null);
  assert.equal(funded.fundSourceName, '共建部门帮扶民生资金', 'the housing bureau’s money is named by its fund source');
  assert.equal(funded.withoutFunds, false);
  assert.deepEqual(gm.actions, [], 'a community registers nothing pushed onto it');
  assert.ok(gm.items.every((x: { actions: string[] }) => x.actions.length === 0));

  const city = (await t.request('GET', `/api/orgs?q=${encodeURIComponent('梅河口市委')}`, { cookie: admin })).body.items[0].id;
  const byDept = (await t.request('GET', `/api/pushed-tasks/departments?orgId=${city}`, { cookie: admin })).body.items;
  assert.equal(byDept.length, 8);
  assert.equal(byDept.reduce((n: number, d: { total: number }) => n + d.total, 0), 150);
  assert.equal(byDept.reduce((n: number, d: { communities: number }) => n + d.communities, 0), 150 + 75, 'every second task is pushed onto 向阳 too');
  const housing = byDept.find((d: { departmentName: string }) => d.departmentName === '梅河口市住房和城乡建设局');
  assert.ok(housing.fundsFen > 0 && housing.withoutFunds < housing.total);
});

test('a department registers a task with its authority and funds onto two communities; each community sees it; the district counts it', async () => {
  const before = await list(xiangyangSecretary, xiangyang);
  const r = await post(department, '/api/pushed-tasks', {
    unitId: civil.id, communityIds: [guangming, xiangyang], title: '困难群众临时救助初审', nature: 'administrative',
    authority: '《梅河口市临时救助办法》第十条：委托社区受理和初审', fundsFen: 500_000, startsOn: regionToday(),
  });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.body.withoutAuthority, false);
  assert.equal(r.body.withoutFunds, false);
  assert.deepEqual(r.body.communities.map((c: { orgId: number }) => c.orgId).sort(), [guangming, xiangyang].sort());
  assert.deepEqual(r.body.actions, ['withdraw']);
  const mine = await t.request('GET', `/api/pushed-tasks?unitId=${civil.id}`, { cookie: department });
  assert.deepEqual(mine.body.actions, ['create']);
  assert.deepEqual(mine.body.departments.map((d: { id: number; name: string }) => [d.id, d.name]), [[civil.id, '梅河口市民政局']]);
  assert.equal(typeof mine.body.departments[0].orgId, 'number', 'with the organization whose funds the form offers');

  const bare = await post(department, '/api/pushed-tasks', { unitId: civil.id, communityIds: [xiangyang], title: '创城迎检台账填报', nature: 'administrative', startsOn: regionToday() });
  assert.equal(bare.status, 200, bare.text);
  assert.equal(bare.body.withoutAuthority, true, 'no authority went with it');
  assert.equal(bare.body.withoutFunds, true, 'no money went with it');

  const after = await list(xiangyangSecretary, xiangyang);
  assert.equal(after.figures.total, before.figures.total + 2);
  assert.equal(after.figures.administrative, before.figures.administrative + 2);
  assert.equal(after.figures.withoutFunds, before.figures.withoutFunds + 1);
  assert.equal(after.figures.fundsFen, before.figures.fundsFen + 500_000);
  const seen = after.items.find((x: { id: number }) => x.id === r.body.id);
  assert.equal(seen.departmentName, '梅河口市民政局');
  assert.deepEqual(seen.communities.map((c: { orgId: number }) => c.orgId), [xiangyang], 'a community reads its own share, not the others’');

  // Withdrawn: out of the figures; a second withdrawal is refused.
  const w = await post(department, `/api/pushed-tasks/${bare.body.id}/withdraw`);
  assert.equal(w.status, 200, w.text);
  assert.equal(w.body.status, 'withdrawn');
  assert.deepEqual(w.body.actions, []);
  assert.equal((await list(xiangyangSecretary, xiangyang)).figures.total, before.figures.total + 1);
  assert.equal(code(await post(department, `/api/pushed-tasks/${bare.body.id}/withdraw`)), 'pushedtask.already_withdrawn');
  assert.equal(code(await post(secretary, `/api/pushed-tasks/${r.body.id}/withdraw`)), 'pushedtask.department_only');
});

test('refused with codes naming the field: no department, no communities, negative or fractional funds, a unit that is no department, a non-community; a community secretary', async () => {
  const base = { unitId: civil.id, communityIds: [guangming], title: '测试事项', nature: 'administrative', startsOn: regionToday() };
  const cases: [unknown, string, string][] = [
    [{ ...base, unitId: undefined }, 'pushedtask.department_required', 'unitId'],
    [{ ...base, communityIds: [] }, 'pushedtask.communities_required', 'communityIds'],
    [{ ...base, communityIds: undefined }, 'pushedtask.communities_required', 'communityIds'],
    [{ ...base, fundsFen: -100 }, 'pushedtask.funds_negative', 'fundsFen'],
    [{ ...base, fundsFen: 1.5 }, 'pushedtask.funds_whole', 'fundsFen'],
    [{ ...base, unitId: tax }, 'pushedtask.not_a_department', 'unitId'],
    [{ ...base, communityIds: [grid] }, 'pushedtask.not_a_community', 'communityIds'],
    [{ ...base, fundSourceId: 999_999_999 }, 'pushedtask.source_unseen', 'fundSourceId'],
  ];
  for (const [body, want, field] of cases) {
    const res = await post(admin, '/api/pushed-tasks', body);
    assert.equal(res.status, 400, `${want}: ${res.text}`);
    assert.equal(res.body.error.fieldCodes?.[field], want, res.text);
    if (field !== 'fundsFen') assert.equal(code(res), want);
  }
  const english = await t.request('POST', '/api/pushed-tasks', { cookie: admin, body: { ...base, communityIds: [] }, headers: { 'accept-language': 'en' } });
  assert.match(english.body.error.message, /community/);
  assert.equal(code(await post(secretary, '/api/pushed-tasks', base)), 'pushedtask.department_only');
});

test('费随事转: the department reads what each community carrying its task spent on it; a community reads only its own share', async () => {
  const task = await post(department, '/api/pushed-tasks', {
    unitId: civil.id, communityIds: [guangming, xiangyang], title: '高龄津贴入户核查', nature: 'administrative', authority: '民政局委托书', fundsFen: 100_000, startsOn: regionToday(),
  });
  assert.equal(task.status, 200, task.text);
  const source = (await t.request('GET', `/api/fund-sources?orgId=${guangming}&year=${regionToday().slice(0, 4)}`, { cookie: secretary })).body.items
    .find((s: { kind: string }) => s.kind === 'city_budget').id;
  const spend = (cookie: string, orgId: number, amountFen: number) => post(cookie, '/api/fund-expenses', {
    orgId, sourceId: source, amountFen, entryOn: regionToday(), payee: '入户核查误餐', paidForKind: 'task', paidForId: task.body.id,
  });
  for (const [cookie, orgId, fen] of [[secretary, guangming, 300_00], [xiangyangSecretary, xiangyang, 200_00]] as const) {
    const r = await spend(cookie, orgId, fen);
    assert.equal(r.status, 200, r.text);
  }
  const seenBy = async (cookie: string, query: string) => (await t.request('GET', `/api/pushed-tasks?${query}`, { cookie })).body.items.find((x: { id: number }) => x.id === task.body.id);
  const shares = (x: { communities: { orgId: number; spentFen: number }[] }) => Object.fromEntries(x.communities.map((c) => [c.orgId, c.spentFen]));

  const byDepartment = await seenBy(department, `unitId=${civil.id}`);
  assert.equal(byDepartment.spentFen, 500_00, 'the department reads both communities’ spending, though their ledgers are theirs');
  assert.deepEqual(shares(byDepartment), { [guangming]: 300_00, [xiangyang]: 200_00 });

  const byGuangming = await seenBy(secretary, `orgId=${guangming}`);
  assert.equal(byGuangming.spentFen, 300_00, 'a community reads its own spending, not the other’s');
  assert.deepEqual(shares(byGuangming), { [guangming]: 300_00 });
  assert.equal((await seenBy(xiangyangSecretary, `orgId=${xiangyang}`)).spentFen, 200_00);

  // The department's ledger is not opened by this: it still reads no entry of theirs.
  const entries = await t.request('GET', `/api/funds/cost?paidForKind=task&paidForId=${task.body.id}`, { cookie: department });
  assert.ok(entries.status >= 400 || !entries.text.includes('入户核查误餐'), entries.text);
});

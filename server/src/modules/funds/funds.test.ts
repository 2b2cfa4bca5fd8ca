import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { regionToday } from '../../kernel/time.ts';

let t: TestApp;
let admin: string;
let street: string;
let secretary: string;
const ids: Record<string, number> = {};
const year = Number(regionToday().slice(0, 4));
const today = regionToday();
// The smallest PDF header the invoice check accepts.
const PDF = `data:application/pdf;base64,${Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64')}`;

before(async () => {
  t = await testApp({ demo: true });
  admin = await t.login('admin');
  street = await t.login('xinhua');
  secretary = await t.login('guangming');
  const rows = await t.kernel.db.system((q) =>
    q.query<{ key: string; id: number }>(
      `SELECT 'org:' || name AS key, id FROM organizations WHERE name IN ('光明社区党委', '向阳社区党委', '中共梅河口市委', '新华街道党工委')
       UNION ALL SELECT 'source:' || kind, id FROM fund_sources WHERE kind IN ('city_budget', 'party_fee_reward', 'department')
       UNION ALL SELECT 'project:' || o.name, max(p.id) FROM projects p JOIN organizations o ON o.id = p.org_id GROUP BY o.name
       UNION ALL SELECT 'need:向阳', max(n.id) FROM needs n JOIN organizations o ON o.id = n.org_id
                  WHERE o.path <@ (SELECT path FROM organizations WHERE name = '向阳社区党委')`,
    ),
  );
  for (const r of rows) ids[r.key] = r.id;
});
after(() => t.close());

const orgId = (name: string) => {
  const id = Object.entries(ids).find(([k]) => k.startsWith(`org:${name}`))?.[1];
  assert.ok(id, `organization ${name}`);
  return id;
};
const balanceOf = async (cookie: string, org: number, source: number) => {
  const res = await t.request('GET', `/api/funds/balances?orgId=${org}&year=${year}`, { cookie });
  assert.equal(res.status, 200, res.text);
  return res.body.rows.find((r: { sourceId: number }) => r.sourceId === source);
};

test('the reference model’s figures are summed from entries', async () => {
  const city = orgId('中共梅河口');
  const budget = await balanceOf(admin, city, ids['source:city_budget']!);
  assert.equal(budget.budgetFen, 4_000_000_00);
  assert.equal(budget.allocatedFen, 2 * 1_600_000_00, 'passed down to both streets');
  const fees = await balanceOf(admin, city, ids['source:party_fee_reward']!);
  assert.equal(fees.budgetFen, 300_000_00);
  const departments = await balanceOf(admin, city, ids['source:department']!);
  assert.equal(departments.budgetFen, 800_000_00);
  const community = await balanceOf(secretary, orgId('光明'), ids['source:city_budget']!);
  assert.equal(community.receivedFen, 600_000_00);
  assert.ok(community.spentFen > 0, 'the community spent on its projects');
  assert.equal(community.leftFen, community.receivedFen - community.spentFen - community.pendingFen);
  const sources = await t.request('GET', `/api/fund-sources?orgId=${orgId('光明')}&year=${year}`, { cookie: secretary });
  assert.deepEqual(sources.body.items.map((s: { name: string }) => s.name).length, 3, 'a community sees the city’s sources it spends');
  assert.deepEqual(sources.body.actions, ['manage', 'allocate', 'spend']);
});

test('allocate, spend with an invoice, the balance falls, reverse it, export the ledger', async () => {
  const guangming = orgId('光明');
  const source = ids['source:city_budget']!;
  const before = await balanceOf(secretary, guangming, source);
  const given = await t.request('POST', '/api/fund-allocations', {
    cookie: admin, body: { sourceId: source, fromOrgId: orgId('中共梅河口'), toOrgId: guangming, amountFen: 10_000_00, entryOn: today, note: '专项' },
  });
  assert.equal(given.status, 200, given.text);
  assert.equal((await balanceOf(secretary, guangming, source)).leftFen, before.leftFen + 10_000_00);

  const project = ids['project:光明社区党委']!;
  const spent = await t.request('POST', '/api/fund-expenses', {
    cookie: secretary,
    body: { orgId: guangming, sourceId: source, amountFen: 1_234_56, entryOn: today, payee: '=HYPERLINK("x")', paidForKind: 'project', paidForId: project, invoice: { name: '发票.pdf', dataUrl: PDF } },
  });
  assert.equal(spent.status, 200, spent.text);
  assert.equal(spent.body.status, 'posted');
  assert.match(spent.body.rule, /第一条.*第 1 版/);
  assert.ok(spent.body.hasInvoice);
  assert.deepEqual(spent.body.actions, ['reverse']);
  const invoice = await t.app.inject({ method: 'GET', url: `/api/fund-entries/${spent.body.id}/invoice`, headers: { cookie: secretary } });
  assert.equal(invoice.headers['content-type'], 'application/pdf');
  assert.equal((await balanceOf(secretary, guangming, source)).leftFen, before.leftFen + 10_000_00 - 1_234_56);
  const cost = await t.request('GET', `/api/funds/cost?paidForKind=project&paidForId=${project}`, { cookie: secretary });
  assert.ok(cost.body.costFen >= 1_234_56);

  const reversed = await t.request('POST', `/api/fund-entries/${spent.body.id}/reverse`, { cookie: secretary, body: {} });
  assert.equal(reversed.status, 200, reversed.text);
  assert.equal(reversed.body.amountFen, -1_234_56);
  assert.equal((await balanceOf(secretary, guangming, source)).leftFen, before.leftFen + 10_000_00);
  const again = await t.request('POST', `/api/fund-entries/${spent.body.id}/reverse`, { cookie: secretary, body: {} });
  assert.equal(again.body.error.code, 'fund.not_reversible');

  const file = await t.app.inject({ method: 'GET', url: `/api/fund-entries/export?orgId=${guangming}&year=${year}`, headers: { cookie: secretary } });
  assert.equal(file.statusCode, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const payees = ws.getColumn(6).values.filter((v) => v === '=HYPERLINK("x")');
  assert.equal(payees.length, 2, 'the expense and its reversal, the payee kept as text');
  assert.equal(ws.getCell(2, 6).formula, undefined);
});

test('bad input is refused with codes', async () => {
  const guangming = orgId('光明');
  const source = ids['source:city_budget']!;
  const base = { orgId: guangming, sourceId: source, entryOn: today, payee: '某公司', paidForKind: 'venue_upkeep' };
  for (const amountFen of [0, -100]) {
    const res = await t.request('POST', '/api/fund-expenses', { cookie: secretary, body: { ...base, amountFen } });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.fieldCodes.amountFen, 'fund.amount_positive');
  }
  const fraction = await t.request('POST', '/api/fund-expenses', { cookie: secretary, body: { ...base, amountFen: 10.5 } });
  assert.equal(fraction.body.error.fieldCodes.amountFen, 'fund.amount_whole');

  const left = (await balanceOf(secretary, guangming, source)).leftFen;
  const beyond = await t.request('POST', '/api/fund-allocations', {
    cookie: street, body: { sourceId: source, fromOrgId: orgId('新华'), toOrgId: guangming, amountFen: 900_000_000_00, entryOn: today },
  });
  assert.equal(beyond.body.error.code, 'fund.over_left');
  const tooMuch = await t.request('POST', '/api/fund-expenses', { cookie: street, body: { ...base, orgId: guangming, amountFen: left + 1 } });
  assert.equal(tooMuch.body.error.code, 'fund.over_left');

  const elsewhere = await t.request('POST', '/api/fund-expenses', {
    cookie: secretary, body: { ...base, amountFen: 100, paidForKind: 'need', paidForId: ids['need:向阳'] },
  });
  assert.equal(elsewhere.body.error.code, 'fund.other_community');
  const byStreet = await t.request('POST', '/api/fund-expenses', {
    cookie: street, body: { ...base, amountFen: 100, paidForKind: 'need', paidForId: ids['need:向阳'] },
  });
  assert.equal(byStreet.body.error.code, 'fund.other_community', 'the street of another community is refused too');

  const large = await t.request('POST', '/api/fund-expenses', { cookie: secretary, body: { ...base, amountFen: 6_000_00 } });
  assert.equal(large.body.status, 'pending', 'over 5000 yuan at a community waits for approval');
  assert.deepEqual(large.body.actions, [], 'its recorder decides neither way');
  const own = await t.request('POST', `/api/fund-entries/${large.body.id}/approve`, { cookie: secretary });
  assert.equal(own.status, 403);
  assert.equal(own.body.error.code, 'fund.approve_own');
  const approved = await t.request('POST', `/api/fund-entries/${large.body.id}/approve`, { cookie: street });
  assert.equal(approved.body.status, 'posted', approved.text);
  assert.equal(approved.body.deciderName, '新华街道 李敏');

  const forbidden = await t.request('POST', '/api/fund-expenses', {
    cookie: secretary, body: { ...base, sourceId: ids['source:party_fee_reward'], amountFen: 100 },
  });
  assert.equal(forbidden.body.error.code, 'fund.rule_forbids');
  assert.match(forbidden.body.error.message, /第三条 党费不得用于阵地维护/);

  // At the database: a posted entry is never updated or deleted, whoever asks.
  for (const sql of [`UPDATE fund_entries SET amount_fen = 1 WHERE id = $1`, `DELETE FROM fund_entries WHERE id = $1`]) {
    await assert.rejects(t.kernel.db.system((q) => q.query(sql, [approved.body.id])), (e: { constraint?: string }) => e.constraint === 'fund_entries_posted');
  }
});

test('the guideline is data: an edit is a new version, and expenses keep theirs', async () => {
  const rules = await t.request('GET', `/api/fund-rules?orgId=${orgId('中共梅河口')}`, { cookie: admin });
  const first = rules.body.items.find((r: { ruleKey: string }) => r.ruleKey === '第一条');
  assert.deepEqual(first.actions, ['edit', 'retire']);
  const seen = await t.request('GET', `/api/fund-rules?orgId=${orgId('光明')}`, { cookie: secretary });
  assert.ok(seen.body.items.some((r: { ruleKey: string; actions: string[] }) => r.ruleKey === '第一条' && r.actions.length === 0), 'the community reads the city’s rules');
  const mine = await t.request('PATCH', `/api/fund-rules/${first.id}`, { cookie: secretary, body: { title: '改' } });
  assert.equal(mine.body.error.code, 'fund.manage_admins');
  const edited = await t.request('PATCH', `/api/fund-rules/${first.id}`, { cookie: admin, body: { title: '市财政列支经费用于服务群众' } });
  assert.equal(edited.body.version, 2, edited.text);
  const stale = await t.request('PATCH', `/api/fund-rules/${first.id}`, { cookie: admin, body: { title: '再改' } });
  assert.equal(stale.body.error.code, 'fund.rule_fixed');
  const versions = await t.request('GET', `/api/fund-rules/${edited.body.id}/versions`, { cookie: secretary });
  assert.equal(versions.status, 200, versions.text);
  assert.deepEqual(versions.body.items.map((r: { version: number; retired: boolean; actions: string[] }) => [r.version, r.retired, r.actions.length]), [[2, false, 0], [1, true, 0]]);
  const asAdmin = await t.request('GET', `/api/fund-rules/${first.id}/versions`, { cookie: admin });
  assert.deepEqual(asAdmin.body.items.map((r: { actions: string[] }) => r.actions), [['edit', 'retire'], []], 'only the version in force may be edited');
  const [kept] = await t.kernel.db.system((q) => q.query<{ n: number }>(`SELECT count(*)::int AS n FROM fund_entries WHERE rule_id = $1`, [first.id]));
  assert.ok(kept!.n > 0, 'the demo’s expenses still name version 1');
});

test('budgets import from Excel, and again unchanged', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('预算');
  ws.addRow(['资金来源', '来源类型', '年度', '预算金额（元）']);
  ws.addRow(['社区居民捐赠', '社会捐赠', year, '12000.50']);
  ws.addRow(['坏行', '不知道', year, '-1']);
  const file = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  const body = { orgId: orgId('光明'), file, mode: 'valid' };
  const first = await t.request('POST', '/api/fund-budgets/import', { cookie: secretary, body });
  assert.equal(first.status, 200, first.text);
  assert.deepEqual([first.body.created, first.body.errors.length], [1, 2]);
  const again = await t.request('POST', '/api/fund-budgets/import', { cookie: secretary, body });
  assert.deepEqual([again.body.created, again.body.unchanged], [0, 1]);
  const b = await t.request('GET', `/api/fund-sources?orgId=${orgId('光明')}&year=${year}`, { cookie: secretary });
  assert.equal(b.body.items.find((s: { name: string }) => s.name === '社区居民捐赠').budgetFen, 12_000_50);
});

test('an expense finds what it paid for by name, pinyin or initials, only under the spending organization', async () => {
  const guangming = orgId('光明');
  const all = await t.request('GET', `/api/funds/targets?orgId=${guangming}&paidForKind=project`, { cookie: secretary });
  assert.equal(all.status, 200, all.text);
  const project = all.body.items[0] as { id: number; label: string };
  assert.ok(project, 'the community has projects');
  const { pinyin } = await import('pinyin-pro');
  const initials = pinyin(project.label.slice(0, 4), { pattern: 'first', toneType: 'none', type: 'array' }).join('');
  for (const typed of [project.label.slice(0, 4), initials, initials.toUpperCase()]) {
    const res = await t.request('GET', `/api/funds/targets?orgId=${guangming}&paidForKind=project&q=${encodeURIComponent(typed)}`, { cookie: secretary });
    assert.ok(res.body.items.some((i: { id: number }) => i.id === project.id), `found by ${typed}`);
  }
  const none = await t.request('GET', `/api/funds/targets?orgId=${guangming}&paidForKind=need&q=${encodeURIComponent('不存在的需求名')}`, { cookie: secretary });
  assert.deepEqual(none.body.items, []);
  const needs = await t.request('GET', `/api/funds/targets?orgId=${guangming}&paidForKind=need`, { cookie: secretary });
  assert.ok(!needs.body.items.some((i: { id: number }) => i.id === ids['need:向阳']), 'another community’s needs are not offered');
  const bad = await t.request('GET', `/api/funds/targets?orgId=${guangming}&paidForKind=venue_upkeep`, { cookie: secretary });
  assert.equal(bad.status, 400);
});

test('owners’ funds (三位一体): the owners’ committee approves every expense, recorded, and the estate’s residents see what it paid for', async () => {
  const guangming = orgId('光明');
  const xiangyang = orgId('向阳');
  const unit = await t.request('POST', '/api/units', { cookie: secretary, body: { orgId: guangming, name: '幸福小区业主委员会', kind: 'social_org' } });
  assert.equal(unit.status, 200, unit.text);
  const account = async (username: string, displayName: string, grant: Record<string, unknown>) => {
    const res = await t.request('POST', '/api/users', { cookie: admin, body: { username, displayName, password: 'Owners-2026-pass', orgId: grant.orgId, grants: [grant] } });
    assert.equal(res.status, 200, res.text);
    return t.login(username, 'Owners-2026-pass');
  };
  const committee = await account('yeweihui', '业委会主任 赵强', { role: 'unit_liaison', orgId: guangming, unitId: unit.body.id });
  const resident = await t.login('jumin');
  const elsewhere = await account('xiangyang-jumin', '向阳居民 钱芳', { role: 'resident', orgId: xiangyang });

  const unnamed = await t.request('POST', '/api/fund-sources', { cookie: secretary, body: { orgId: guangming, kind: 'owners', name: '幸福小区维修资金' } });
  assert.equal(unnamed.body.error.fieldCodes.unitId, 'fund.owners_committee_required');
  const source = await t.request('POST', '/api/fund-sources', { cookie: secretary, body: { orgId: guangming, kind: 'owners', name: '幸福小区维修资金', unitId: unit.body.id } });
  assert.equal(source.status, 200, source.text);
  await t.request('POST', `/api/fund-sources/${source.body.id}/budget`, { cookie: secretary, body: { year, amountFen: 50_000_00 } });
  const rule = await t.request('POST', '/api/fund-rules', {
    cookie: secretary, body: { orgId: guangming, ruleKey: '业主第一条', title: '业主资金用于小区公共部位维修，须经业主委员会批准', sourceKind: 'owners', effect: 'allow' },
  });
  assert.equal(rule.status, 200, rule.text);

  const [grid] = await t.kernel.db.system((q) => q.query<{ id: number }>(`SELECT id::int FROM organizations WHERE name = '光明社区第一网格党支部'`));
  const given = await t.request('POST', '/api/fund-allocations', {
    cookie: secretary, body: { sourceId: source.body.id, fromOrgId: guangming, toOrgId: grid!.id, amountFen: 100, entryOn: today },
  });
  assert.equal(given.body.error.code, 'fund.owners_no_allocation');

  const spent = await t.request('POST', '/api/fund-expenses', {
    cookie: secretary, body: { orgId: guangming, sourceId: source.body.id, amountFen: 300_00, entryOn: today, payee: '幸福小区水电维修部', paidForKind: 'venue_upkeep', paidForLabel: '3 号楼楼道灯更换' },
  });
  assert.equal(spent.status, 200, spent.text);
  assert.equal(spent.body.status, 'pending', 'even a small expense waits for the committee');
  assert.equal(spent.body.ownersCommittee, '幸福小区业主委员会');
  assert.deepEqual(spent.body.actions, []);
  const id = spent.body.id;

  for (const cookie of [street, admin]) {
    const res = await t.request('POST', `/api/fund-entries/${id}/approve`, { cookie });
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, 'fund.owners_committee_decides', 'administrators run affairs; the committee holds the money');
  }
  const asResident = await t.request('POST', `/api/fund-entries/${id}/approve`, { cookie: resident });
  assert.equal(asResident.status, 404, 'a resident does not see the ledger');
  const otherUnit = await t.request('POST', `/api/fund-entries/${id}/approve`, { cookie: await t.login('liaison') });
  assert.equal(otherUnit.status, 404, 'another unit’s liaison does not see it');
  await assert.rejects(
    t.kernel.db.system((q) => q.query(`UPDATE fund_entries SET status = 'posted', decided_by = 1, decider_name = 'x', decided_at = now() WHERE id = $1`, [id])),
    (e: { constraint?: string }) => e.constraint === 'fund_entries_owners_approve',
    'the database refuses anyone but the committee',
  );

  const seen = await t.request('GET', `/api/owners-funds?orgId=${guangming}&year=${year}`, { cookie: committee });
  assert.equal(seen.status, 200, seen.text);
  assert.deepEqual(seen.body.pending.map((e: { id: number; actions: string[] }) => [e.id, e.actions]), [[id, ['approve', 'reject']]]);
  const approved = await t.request('POST', `/api/fund-entries/${id}/approve`, { cookie: committee });
  assert.equal(approved.status, 200, approved.text);
  assert.deepEqual([approved.body.status, approved.body.deciderName], ['posted', '业委会主任 赵强']);
  const [recorded] = await t.kernel.db.system((q) => q.query<{ unit: number; by: number }>(`SELECT approving_unit_id::int AS unit, decided_by::int AS by FROM fund_entries WHERE id = $1`, [id]));
  assert.equal(recorded!.unit, unit.body.id, 'the approval is recorded with the committee');
  assert.ok(recorded!.by);

  const notice = await t.request('GET', `/api/owners-funds?orgId=${guangming}&year=${year}`, { cookie: resident });
  assert.equal(notice.status, 200, notice.text);
  const fund = notice.body.notices.find((n: { sourceId: number }) => n.sourceId === source.body.id);
  assert.equal(fund.committee, '幸福小区业主委员会');
  assert.deepEqual([fund.budgetFen, fund.spentFen], [50_000_00, 300_00]);
  assert.deepEqual(fund.expenses.map((e: { payee: string; paidForLabel: string; approvedBy: string }) => [e.payee, e.paidForLabel, e.approvedBy]), [['幸福小区水电维修部', '3 号楼楼道灯更换', '业委会主任 赵强']]);
  assert.deepEqual(notice.body.pending, [], 'residents supervise what was paid, they do not decide');
  for (const org of [guangming, orgId('中共梅河口')]) {
    const far = await t.request('GET', `/api/owners-funds?orgId=${org}&year=${year}`, { cookie: elsewhere });
    assert.deepEqual(far.body.notices, [], 'another community’s residents see nothing of it');
  }
  const rejectLater = await t.request('POST', `/api/fund-entries/${id}/reject`, { cookie: committee });
  assert.equal(rejectLater.body.error.code, 'fund.not_pending');
});

test('the demo: 三顺店’s 铁路小区 owners’ fund, its two approved expenses on the public notice and one waiting for the owners’ committee', async () => {
  const [ssd] = await t.kernel.db.system((q) => q.query<{ id: number }>(`SELECT id FROM organizations WHERE name = '三顺店社区党支部'`));
  const r = await t.request('GET', `/api/owners-funds?orgId=${ssd!.id}&year=${year}`, { cookie: admin });
  assert.equal(r.status, 200, r.text);
  const [notice] = r.body.notices;
  assert.equal(notice.committee, '铁路小区业主委员会');
  assert.equal(notice.budgetFen, 8_600_000);
  assert.deepEqual(notice.expenses.map((e: { note: string }) => e.note).sort(), ['3 号楼外墙空鼓修补', '院内健身路径器材更换'].sort());
  assert.equal(notice.spentFen, 1_000_000, 'summed from the approved expenses');
  assert.ok(notice.expenses.every((e: { approvedBy: string | null }) => e.approvedBy === '铁路小区业主委员会'));
  assert.deepEqual(r.body.pending.map((e: { note: string }) => e.note), ['楼间绿地补种']);
});

test('费随事转: a community spends on a task pushed onto it; the task shows what was spent; a community it was not pushed onto cannot name it', async () => {
  const guangming = orgId('光明');
  const tasks = (await t.request('GET', `/api/pushed-tasks?orgId=${guangming}`, { cookie: secretary })).body.items as { id: number; title: string; departmentName: string; spentFen: number; communities: { orgId: number }[] }[];
  const task = tasks.find((x) => x.communities.every((c) => c.orgId === guangming))!;
  assert.ok(task, 'a task pushed onto 光明 only');
  const picked = await t.request('GET', `/api/funds/targets?orgId=${guangming}&paidForKind=task&q=${encodeURIComponent(task.title)}`, { cookie: secretary });
  assert.equal(picked.status, 200, picked.text);
  assert.ok(picked.body.items.some((i: { id: number }) => i.id === task.id), 'the picker offers the task by its title');

  const base = { orgId: guangming, sourceId: ids['source:city_budget']!, amountFen: 800_00, entryOn: today, payee: '光明社区居委会', paidForKind: 'task' };
  const missing = await t.request('POST', '/api/fund-expenses', { cookie: secretary, body: base });
  assert.equal(missing.body.error.code, 'fund.paid_for_id', 'a task expense names the task');
  const spent = await t.request('POST', '/api/fund-expenses', { cookie: secretary, body: { ...base, paidForId: task.id } });
  assert.equal(spent.status, 200, spent.text);
  assert.equal(spent.body.paidForLabel, `${task.departmentName}：${task.title}`);
  const after = (await t.request('GET', `/api/pushed-tasks?orgId=${guangming}`, { cookie: secretary })).body.items.find((x: { id: number }) => x.id === task.id);
  assert.equal(after.spentFen, task.spentFen + 800_00);

  const xiangyang = await t.login('xiangyang');
  const elsewhere = await t.request('POST', '/api/fund-expenses', { cookie: xiangyang, body: { ...base, orgId: orgId('向阳'), paidForId: task.id } });
  assert.equal(elsewhere.body.error.code, 'fund.other_community');
});

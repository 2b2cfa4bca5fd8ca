import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';

let t: TestApp;
let secretary: string;
let community: number;
before(async () => {
  t = await testApp({ demo: true });
  secretary = await t.login('guangming');
  community = (await t.request('GET', `/api/orgs?q=${encodeURIComponent('光明社区党委')}`, { cookie: secretary })).body.items[0].id;
});
after(() => t.close());

const post = (url: string, body: unknown) => t.request('POST', url, { cookie: secretary, body });

test('an alliance project joins units and members with pledges, answers needs, records progress and completes with its outcome', async () => {
  const created = await post('/api/projects', { orgId: community, name: '光明社区助老服务联盟', summary: '税务局、五中和党员一起为独居老人服务' });
  assert.equal(created.status, 200, created.text);
  const id = created.body.id;
  assert.equal((await post('/api/projects', { orgId: community, name: '光明社区助老服务联盟' })).status, 409);

  const targets = (await t.request('GET', '/api/needs/dispatch-targets', { cookie: secretary })).body.items;
  const tax = targets.find((u: { name: string }) => u.name === '梅河口市税务局');
  const offered = (await t.request('GET', `/api/resources?q=${encodeURIComponent('税务政策宣讲员')}`, { cookie: secretary })).body.items[0];
  const notTheirs = await post(`/api/projects/${id}/parties`, { personId: 1, resourceId: offered.id });
  assert.equal(notTheirs.status, 400);
  const pledged = await post(`/api/projects/${id}/parties`, { unitId: tax.id, resourceId: offered.id });
  assert.equal(pledged.status, 200, pledged.text);
  assert.deepEqual([pledged.body.parties[0].pledge, pledged.body.parties[0].resourceId], ['人才：税务政策宣讲员', offered.id]);
  assert.equal((await post(`/api/projects/${id}/parties`, { unitId: tax.id, pledge: '再来一次' })).status, 409);
  const person = (await t.request('GET', '/api/people?q=' + encodeURIComponent('周志强'), { cookie: secretary })).body.items[0];
  const withMember = await post(`/api/projects/${id}/parties`, { personId: person.id, pledge: '每周上门陪伴' });
  assert.deepEqual(withMember.body.parties.map((p: { kind: string; name: string }) => [p.kind, p.name]), [['unit', '梅河口市税务局'], ['member', '周志强']]);

  const need = await post('/api/needs', { kind: 'livelihood', category: 'living', orgId: community, title: '独居老人助餐', requesterName: '李桂兰' });
  const linked = await post(`/api/projects/${id}/needs`, { needId: need.body.id });
  assert.deepEqual([linked.body.needCount, linked.body.needsClosed], [1, 0]);
  for (const step of ['accept', 'start']) await post(`/api/needs/${need.body.id}/${step}`, {});
  await post(`/api/needs/${need.body.id}/done`, { result: '开设老年助餐点' });
  await post(`/api/needs/${need.body.id}/check`, {});

  const updated = await post(`/api/projects/${id}/updates`, { body: '助餐点已开业，每天供餐 40 份', progress: 80 });
  assert.deepEqual([updated.body.progress, updated.body.needsClosed], [80, 1]);
  const bad = await post(`/api/projects/${id}/updates`, { body: '超过', progress: 120 });
  assert.equal(bad.status, 400);
  assert.match(bad.body.error.fields.progress, /进度/);

  const noOutcome = await post(`/api/projects/${id}/complete`, { outcome: '' });
  assert.equal(noOutcome.status, 400);
  const done = await post(`/api/projects/${id}/complete`, { outcome: '服务独居老人 36 户' });
  assert.deepEqual([done.body.status, done.body.progress], ['completed', 100]);
  assert.equal((await post(`/api/projects/${id}/updates`, { body: '完成后', progress: 100 })).status, 400, 'a completed project is closed to changes');

  const other = await t.login('xiangyang');
  assert.equal((await t.request('GET', `/api/projects/${id}`, { cookie: other })).status, 404);
});

test('the lists page counts the needs, projects and responsibilities of a community, and exports them to Excel', async () => {
  const res = await t.request('GET', `/api/lists?orgId=${community}`, { cookie: secretary });
  assert.equal(res.status, 200, res.text);
  const { needs, resources, projects, responsibilities } = res.body;
  assert.ok(resources.available > 0, JSON.stringify(resources));
  assert.ok(needs.total > 0 && needs.overdue >= 1, JSON.stringify(needs));
  assert.equal(needs.byKind.reduce((n: number, k: { count: number }) => n + k.count, 0), needs.total);
  assert.ok(responsibilities.items.some((n: { handlerName: string }) => n.handlerName === '梅河口市住房和城乡建设局'));
  assert.ok(projects.total >= 1);

  const file = await t.app.inject({ method: 'GET', url: `/api/lists/export?orgId=${community}`, headers: { cookie: secretary } });
  assert.equal(file.statusCode, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['需求清单', '资源清单', '项目清单', '责任清单']);
  assert.equal(wb.getWorksheet('资源清单')!.rowCount - 1, resources.total);
  assert.equal(wb.getWorksheet('需求清单')!.rowCount - 1, needs.total);
  assert.equal(wb.getWorksheet('责任清单')!.rowCount - 1, responsibilities.total);
});

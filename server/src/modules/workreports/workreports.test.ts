import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { addDays, regionToday } from '../../kernel/time.ts';
import * as orgs from '../orgs/service.ts';

let t: TestApp;
let admin: string;
let secretary: string;
let street: string;
let neighbour: string;
let guangming: number;
let xinhua: number;
let tnAdmin: number;

before(async () => {
  t = await testApp({ demo: true });
  admin = await t.login('admin');
  secretary = await t.login('guangming');
  street = await t.login('xinhua');
  neighbour = await t.login('xiangyang');
  await t.kernel.db.system(async (q) => {
    guangming = (await orgs.search(q, '光明社区党委', 1, 1)).items[0]!.id;
    xinhua = (await orgs.search(q, '新华街道党工委', 1, 1)).items[0]!.id;
    tnAdmin = (await orgs.search(q, '天宁街道行政党组', 1, 1)).items[0]!.id;
  });
});
after(() => t.close());

const post = (cookie: string, url: string, body: unknown = {}) => t.request('POST', url, { cookie, body });
const code = (res: { body: { error?: { code: string } } }) => res.body.error?.code;
const thisMonth = () => `${regionToday().slice(0, 7)}-01`;
const lastMonth = () => `${addDays(thisMonth(), -1).slice(0, 7)}-01`;

test('the demo: 天宁城管中队’s monthly report to the administrative group, assembled from its records, with the group’s comment', async () => {
  const list = await t.request('GET', `/api/work-reports?toOrgId=${tnAdmin}`, { cookie: admin });
  assert.equal(list.status, 200, list.text);
  const [report] = list.body.items;
  assert.equal(report.orgName, '天宁城管中队党支部');
  assert.equal(report.toOrgName, '天宁街道行政党组');
  assert.equal(report.periodKind, 'month');
  assert.equal(report.periodFrom, lastMonth());
  assert.deepEqual(report.records.activitiesHeld.map((a: { title: string }) => a.title), ['商圈联合夜间巡查', '市容法规进社区宣传']);
  assert.equal(report.comments.length, 1);
  assert.deepEqual(report.actions, ['comment']);
});

test('a community files last month’s report to its street, assembled from its records; the street comments, the community reads it', async () => {
  const draft = await t.request('GET', `/api/work-reports/draft?orgId=${guangming}&periodKind=month&periodFrom=${lastMonth()}`, { cookie: secretary });
  assert.equal(draft.status, 200, draft.text);
  assert.equal(draft.body.toOrgId, xinhua, 'a community reports to its street');
  const held = (await t.request('GET', `/api/activities?orgId=${guangming}&from=${lastMonth()}&to=${draft.body.periodTo}`, { cookie: secretary })).body;
  const activities = (Array.isArray(held) ? held : held.items).filter((a: { status: string }) => a.status !== 'cancelled');
  assert.equal(draft.body.records.activitiesHeld.length, activities.length, 'the activities held are those the activities list has');

  const filed = await post(secretary, '/api/work-reports', { orgId: guangming, periodKind: 'month', periodFrom: lastMonth(), statement: '本月开展主题党日和志愿服务，办结居民需求。' });
  assert.equal(filed.status, 200, filed.text);
  assert.deepEqual(filed.body.records, draft.body.records, 'the records as found at filing');
  assert.deepEqual(filed.body.actions, [], 'the reporter does not comment on its own report');
  const again = await post(secretary, '/api/work-reports', { orgId: guangming, periodKind: 'month', periodFrom: lastMonth(), statement: '重复' });
  assert.equal(code(again), 'workreport.already_filed');

  const addressed = await t.request('GET', `/api/work-reports?toOrgId=${xinhua}`, { cookie: street });
  const seen = addressed.body.items.find((r: { id: number }) => r.id === filed.body.id);
  assert.deepEqual(seen.actions, ['comment']);
  const commented = await post(street, `/api/work-reports/${filed.body.id}/comments`, { body: '请补充需求办结的满意度情况。' });
  assert.equal(commented.status, 200, commented.text);
  const mine = await t.request('GET', `/api/work-reports?orgId=${guangming}`, { cookie: secretary });
  assert.deepEqual(mine.body.items.find((r: { id: number }) => r.id === filed.body.id).comments.map((c: { body: string }) => c.body), ['请补充需求办结的满意度情况。']);

  // Commenting on a report not addressed to you: the reporter itself, another community.
  for (const cookie of [secretary, neighbour]) {
    const res = await post(cookie, `/api/work-reports/${filed.body.id}/comments`, { body: '越权点评' });
    assert.equal(code(res), 'workreport.not_addressed_to_you', res.text);
    assert.deepEqual(Object.keys(res.body.error.fieldCodes ?? {}), ['body']);
  }
});

test('refused with codes naming the field: a period not ended, a period not starting on its first day, a report by someone not of the organization', async () => {
  const notEnded = await post(secretary, '/api/work-reports', { orgId: guangming, periodKind: 'month', periodFrom: thisMonth(), statement: '本月' });
  assert.equal(code(notEnded), 'workreport.period_not_ended');
  assert.equal(notEnded.body.error.fieldCodes.periodFrom, 'workreport.period_not_ended');
  const midMonth = await post(secretary, '/api/work-reports', { orgId: guangming, periodKind: 'month', periodFrom: addDays(lastMonth(), 3), statement: '月中' });
  assert.equal(code(midMonth), 'workreport.period_start');
  assert.equal(midMonth.body.error.fieldCodes.periodFrom, 'workreport.period_start');
  const quarter = await post(secretary, '/api/work-reports', { orgId: guangming, periodKind: 'quarter', periodFrom: '2025-02-01', statement: '季度' });
  assert.equal(code(quarter), 'workreport.period_start');
  const noStatement = await post(secretary, '/api/work-reports', { orgId: guangming, periodKind: 'year', periodFrom: '2025-01-01', statement: ' ' });
  assert.equal(noStatement.status, 400);
  assert.ok(noStatement.body.error.fieldCodes.statement);
  const liaison = await t.login('liaison');
  assert.equal(code(await post(liaison, '/api/work-reports', { orgId: guangming, periodKind: 'year', periodFrom: '2025-01-01', statement: '年度' })), 'workreport.staff_only');
});

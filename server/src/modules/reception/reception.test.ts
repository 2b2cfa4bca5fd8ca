import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { regionToday } from '../../kernel/time.ts';
import * as orgs from '../orgs/service.ts';

let t: TestApp;
let secretary: string;
let liaison: string;
let guangming: number;
let xiangyang: number;

before(async () => {
  t = await testApp({ demo: true });
  secretary = await t.login('guangming');
  liaison = await t.login('liaison');
  await t.kernel.db.system(async (q) => {
    guangming = (await orgs.search(q, '光明社区党委', 1, 1)).items[0]!.id;
    xiangyang = (await orgs.search(q, '向阳社区党委', 1, 1)).items[0]!.id;
  });
});
after(() => t.close());

const post = (cookie: string, url: string, body: unknown = {}) => t.request('POST', url, { cookie, body });
const code = (res: { body: { error?: { code: string } } }) => res.body.error?.code;
const figures = async () => (await t.request('GET', `/api/reception/figures?orgId=${guangming}`, { cookie: secretary })).body;

test('the demo: 平房区’s office with its 432 representatives on duty, 789 visitors and 132 problems solved; visits are 新谊社区’s needs, and solved is counted from them', async () => {
  const admin = await t.login('admin');
  const street = (await t.request('GET', `/api/orgs?q=${encodeURIComponent('新疆街道党工委')}`, { cookie: admin })).body.items[0].id;
  const f = (await t.request('GET', `/api/reception/figures?orgId=${street}`, { cookie: admin })).body;
  assert.deepEqual(f, { representatives: 432, onDuty: 432, dutySlots: 432, visitors: 789, solved: 132 });
  const visits = (await t.request('GET', `/api/reception/visits?orgId=${street}`, { cookie: admin })).body.items;
  assert.equal(visits.filter((v: { solved: boolean }) => v.solved).length, f.solved);
  const xinyi = (await t.request('GET', `/api/orgs?q=${encodeURIComponent('新谊社区综合党委')}`, { cookie: admin })).body.items[0].id;
  const needs = await t.request('GET', `/api/needs?orgId=${xinyi}&source=reception&pageSize=100`, { cookie: admin });
  assert.equal(needs.body.total, visits.length, 'every visit is a need of the community, by source');
  assert.ok(needs.body.items.every((n: { id: number }) => visits.some((v: { needId: number }) => v.needId === n.id)));
});

test('a representative on duty receives a visitor: one entry, a need with source reception in the community’s list; the office’s figures are counted', async () => {
  const rep = await post(secretary, '/api/reception/representatives', { orgId: guangming, kind: 'people_deputy', name: '张建华', constituency: '光明选区' });
  assert.equal(rep.status, 200, rep.text);
  assert.deepEqual(rep.body.actions, ['schedule', 'recordVisit']);
  const list = await t.request('GET', `/api/reception/representatives?orgId=${guangming}`, { cookie: secretary });
  assert.deepEqual(list.body.actions, ['create']);
  assert.equal((await post(secretary, `/api/reception/representatives/${rep.body.id}/slots`, { onDate: regionToday(), period: 'morning' })).status, 200);

  const visit = await post(secretary, '/api/reception/visits', {
    representativeId: rep.body.id, visitedOn: regionToday(), category: 'facilities', title: '光明小区路灯不亮', description: '3号楼前两盏路灯坏了一个月',
    visitorName: '李大爷', phone: '13904351234', address: '光明小区3号楼2单元',
  });
  assert.equal(visit.status, 200, visit.text);
  assert.equal(visit.body.representativeName, '张建华');
  assert.equal(visit.body.needStatus, 'submitted');
  const needs = await t.request('GET', `/api/needs?orgId=${guangming}&source=reception`, { cookie: secretary });
  assert.ok(needs.body.items.every((n: { source: string }) => n.source === 'reception'), 'the needs list filters by source');
  const need = needs.body.items.find((n: { id: number }) => n.id === visit.body.needId);
  assert.equal(need.source, 'reception');
  assert.equal(need.phoneMasked.includes('1234'), true);
  assert.ok(!JSON.stringify(visit.body).includes('13904351234'), 'the visitor’s phone lives in the need, masked');
  assert.deepEqual(await figures(), { representatives: 1, onDuty: 1, dutySlots: 1, visitors: 1, solved: 0 });

  for (const [step, body] of [['accept', {}], ['start', {}], ['done', { result: '已更换灯泡' }], ['check', {}]] as const) {
    const res = await post(secretary, `/api/needs/${visit.body.needId}/${step}`, body);
    assert.equal(res.status, 200, `${step}: ${res.text}`);
  }
  assert.equal((await figures()).solved, 1, 'solved is the need seen through, counted');
  const visits = await t.request('GET', `/api/reception/visits?orgId=${guangming}`, { cookie: secretary });
  assert.equal(visits.body.items[0].solved, true);
});

test('refused: a visitor entry with no representative, a representative off duty, a need sent outside the office, a liaison running the office', async () => {
  const rep = (await post(secretary, '/api/reception/representatives', { orgId: guangming, kind: 'cppcc_member', name: '王秀兰', constituency: '教育界' })).body;
  const entry = { visitedOn: regionToday(), category: 'other', title: '咨询', visitorName: '来访人' };
  const none = await post(secretary, '/api/reception/visits', entry);
  assert.equal(none.status, 400);
  assert.equal(code(none), 'reception.representative_required');
  assert.deepEqual(none.body.error.fieldCodes, { representativeId: 'reception.representative_required' });
  const off = await post(secretary, '/api/reception/visits', { ...entry, representativeId: rep.id });
  assert.equal(code(off), 'reception.not_on_duty');
  await post(secretary, `/api/reception/representatives/${rep.id}/slots`, { onDate: regionToday(), period: 'afternoon' });
  assert.equal(code(await post(secretary, `/api/reception/representatives/${rep.id}/slots`, { onDate: regionToday(), period: 'afternoon' })), 'reception.slot_taken');
  assert.equal(code(await post(secretary, '/api/reception/visits', { ...entry, representativeId: rep.id, needOrgId: xiangyang })), 'reception.need_org_outside');
  assert.equal(code(await post(secretary, '/api/reception/representatives', { orgId: guangming, kind: 'cppcc_member', name: '王秀兰', constituency: '教育界' })), 'reception.name_taken');
  assert.equal(code(await post(liaison, '/api/reception/representatives', { orgId: guangming, kind: 'party_delegate', name: '某', constituency: '某' })), 'reception.staff_only');
  const nothingMade = await t.request('GET', `/api/needs?orgId=${guangming}&source=reception&q=${encodeURIComponent('咨询')}`, { cookie: secretary });
  assert.equal(nothingMade.body.total, 0, 'a refused entry leaves no need behind');
});

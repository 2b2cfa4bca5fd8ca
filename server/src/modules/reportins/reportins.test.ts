import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';

let t: TestApp;
let liaison: string;
let taxUnitId: number;
let zhouId: number;
before(async () => {
  t = await testApp({ demo: true });
  // 周志强 (account dangyuan) works at the tax bureau and lives in 光明社区.
  const [row] = await t.kernel.db.system((q) =>
    q.query<{ person: number; unit: number }>(
      `UPDATE people SET unit_id = (SELECT id FROM units WHERE name = '梅河口市税务局')
        WHERE user_id = (SELECT id FROM users WHERE username = 'dangyuan') RETURNING id AS person, unit_id AS unit`,
    ),
  );
  zhouId = row!.person;
  taxUnitId = row!.unit;
  liaison = await t.login('liaison');
});
after(() => t.close());

const communityId = async (name: string) =>
  (await t.request('GET', `/api/report-ins/communities?q=${encodeURIComponent(name)}`, { cookie: liaison })).body.items[0].id;

test('a unit issues, the community accepts with a receipt, the member commits; each side sees its part', async () => {
  const before = await t.request('GET', `/api/units/${taxUnitId}/unregistered`, { cookie: liaison });
  assert.ok(before.body.items.some((p: { id: number }) => p.id === zhouId));

  const issued = await t.request('POST', '/api/report-ins', { cookie: liaison, body: { personId: zhouId, orgId: await communityId('光明社区党委'), note: '在职党员报到' } });
  assert.equal(issued.status, 200, issued.text);
  assert.deepEqual([issued.body.status, issued.body.orgName, issued.body.unitName], ['issued', '光明社区党委', '梅河口市税务局']);
  const dup = await t.request('POST', '/api/report-ins', { cookie: liaison, body: { personId: zhouId, orgId: await communityId('向阳社区党委') } });
  assert.equal(dup.status, 409);
  assert.ok(dup.body.error.fields.personId);

  assert.equal((await t.request('POST', `/api/report-ins/${issued.body.id}/accept`, { cookie: liaison })).status, 403, 'the unit cannot accept for the community');
  const other = await t.login('xiangyang');
  assert.equal((await t.request('POST', `/api/report-ins/${issued.body.id}/accept`, { cookie: other })).status, 404, 'another community cannot see it');

  const secretary = await t.login('guangming');
  const inbox = await t.request('GET', '/api/report-ins?status=issued', { cookie: secretary });
  assert.ok(inbox.body.items.some((r: { id: number }) => r.id === issued.body.id));
  const countsBefore = (await t.request('GET', '/api/report-ins/counts', { cookie: secretary })).body;
  const accepted = await t.request('POST', `/api/report-ins/${issued.body.id}/accept`, { cookie: secretary });
  const countsAfter = (await t.request('GET', '/api/report-ins/counts', { cookie: secretary })).body;
  assert.deepEqual([countsAfter.issued, countsAfter.accepted], [countsBefore.issued - 1, countsBefore.accepted + 1]);
  assert.equal(accepted.body.status, 'accepted');
  assert.match(accepted.body.receiptNo, /^BD\d{4}\d{6}$/);
  assert.equal((await t.request('POST', `/api/report-ins/${issued.body.id}/accept`, { cookie: secretary })).status, 400);

  const sheet = await t.app.inject({ method: 'GET', url: `/api/report-ins/export?unitId=${taxUnitId}`, headers: { cookie: liaison } });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
  const ledgerRows = wb.worksheets[0]!.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : []));
  assert.ok(ledgerRows.some((r) => r[0] === '周志强' && r[6] === accepted.body.receiptNo), 'the unit’s ledger has the receipt');

  const receipt = await t.request('GET', `/api/report-ins/${issued.body.id}`, { cookie: liaison });
  assert.equal(receipt.body.receiptNo, accepted.body.receiptNo, 'the unit sees the receipt');
  const after = await t.request('GET', `/api/units/${taxUnitId}/unregistered`, { cookie: liaison });
  assert.ok(!after.body.items.some((p: { id: number }) => p.id === zhouId));

  const member = await t.login('dangyuan');
  const mine = await t.request('GET', '/api/report-ins', { cookie: member });
  assert.deepEqual(mine.body.items.map((r: { id: number }) => r.id), [issued.body.id]);
  const committed = await t.request('POST', `/api/report-ins/${issued.body.id}/commitment`, {
    cookie: member, body: { serviceItem: '税法宣传', commitment: '每季度为社区居民讲一次个税政策' },
  });
  assert.equal(committed.status, 200, committed.text);
  assert.equal(committed.body.serviceItem, '税法宣传');
});

test('only the unit’s own employed members can be issued, only to a community', async () => {
  const secretary = await t.login('guangming');
  const stranger = (await t.request('GET', '/api/people?pageSize=1', { cookie: secretary })).body.items[0];
  const res = await t.request('POST', '/api/report-ins', { cookie: liaison, body: { personId: stranger.id, orgId: await communityId('光明社区党委') } });
  assert.equal(res.status, 400);
  assert.ok(res.body.error.fields.personId);
  const grid = (await t.request('GET', `/api/orgs?q=${encodeURIComponent('光明社区第一网格党支部')}`, { cookie: secretary })).body.items[0];
  const [p] = await t.kernel.db.system((q) =>
    q.query<{ id: number }>(`INSERT INTO people (org_id, unit_id, name, is_member, category) VALUES ($1, $2, '税务干部乙', true, 'employed') RETURNING id`, [grid.id, taxUnitId]),
  );
  const toGrid = await t.request('POST', '/api/report-ins', { cookie: liaison, body: { personId: p!.id, orgId: grid.id } });
  assert.equal(toGrid.status, 400);
  assert.equal(toGrid.body.error.fieldCodes.orgId, 'reportin.community_invalid');
  const declinedFlow = await t.request('POST', '/api/report-ins', { cookie: liaison, body: { personId: p!.id, orgId: await communityId('光明社区党委') } });
  const declined = await t.request('POST', `/api/report-ins/${declinedFlow.body.id}/decline`, { cookie: secretary, body: { reason: '不住在本社区' } });
  assert.deepEqual([declined.body.status, declined.body.declineReason], ['declined', '不住在本社区']);
  const again = await t.request('POST', '/api/report-ins', { cookie: liaison, body: { personId: p!.id, orgId: await communityId('民主社区党委') } });
  assert.equal(again.status, 200, 'after a decline the unit can issue again');
});

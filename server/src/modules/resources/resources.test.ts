import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';

let t: TestApp;
let liaison: string;
let secretary: string;
let taxUnitId: number;
let guangmingId: number;
before(async () => {
  t = await testApp({ demo: true });
  liaison = await t.login('liaison');
  secretary = await t.login('guangming');
  const [ids] = await t.kernel.db.system((q) =>
    q.query<{ unit: number; org: number }>(`SELECT id AS unit, org_id AS org FROM units WHERE name = '梅河口市税务局'`),
  );
  taxUnitId = ids!.unit;
  guangmingId = ids!.org;
});
after(() => t.close());

test('a unit liaison offers a resource: listed where the unit is, contact masked, revealing it is recorded', async () => {
  const res = await t.request('POST', '/api/resources', {
    cookie: liaison,
    body: {
      unitId: taxUnitId, kind: 'talent', category: 'legal', name: '个税政策宣讲员', conditions: '提前一周预约',
      availability: '每月第一个周五', quantity: 3, quantityUnit: '人', contactName: '孙伟', contactPhone: '13904351234',
    },
  });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(
    [res.body.orgId, res.body.unitName, res.body.kindLabel, res.body.categoryLabel, res.body.contactPhoneMasked, res.body.status],
    [guangmingId, '梅河口市税务局', '人才', '法律服务', '139****1234', 'available'],
  );
  assert.ok(!res.text.includes('13904351234'), 'the phone leaves only masked');

  const [stored] = await t.kernel.db.system((q) => q.query<{ enc: string }>(`SELECT contact_phone_enc AS enc FROM resources WHERE id = $1`, [res.body.id]));
  assert.ok(stored!.enc.startsWith('v1:'), 'stored encrypted');

  const found = await t.request('GET', `/api/resources?orgId=${guangmingId}&kind=talent&category=legal`, { cookie: secretary });
  assert.ok(found.body.items.some((r: { id: number }) => r.id === res.body.id), 'the community finds it by place, kind and category');
  const none = await t.request('GET', `/api/resources?orgId=${guangmingId}&category=health&q=${encodeURIComponent('税务')}`, { cookie: secretary });
  assert.ok(!none.body.items.some((r: { id: number }) => r.id === res.body.id));

  for (const cookie of [secretary, liaison]) {
    const revealed = await t.request('POST', `/api/resources/${res.body.id}/reveal-contact`, { cookie });
    assert.equal(revealed.body.value, '13904351234', revealed.text);
  }
  const [seen] = await t.kernel.db.system((q) => q.query<{ n: number }>(`SELECT count(*) AS n FROM resource_reveals WHERE resource_id = $1`, [res.body.id]));
  assert.equal(seen!.n, 2, 'each viewing is recorded');

  const other = await t.login('xiangyang');
  assert.equal((await t.request('GET', `/api/resources/${res.body.id}`, { cookie: other })).status, 404, 'another community does not see it');
});

test('bad input is refused with the field named in Chinese', async () => {
  const noUnit = await t.request('POST', '/api/resources', { cookie: liaison, body: { orgId: guangmingId, kind: 'fund', category: 'aid', name: '社区自有资金' } });
  assert.equal(noUnit.status, 403, 'a liaison offers only the unit’s resources');
  assert.equal(noUnit.body.error.code, 'resource.offer_community');
  const bad = await t.request('POST', '/api/resources', {
    cookie: secretary, body: { orgId: guangmingId, kind: 'goods', category: 'aid', name: '过冬棉被', quantity: 30, contactPhone: '12345' },
  });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.fieldCodes.contactPhone, 'resource.phone');
  const noUnitOfQuantity = await t.request('POST', '/api/resources', { cookie: secretary, body: { orgId: guangmingId, kind: 'goods', category: 'aid', name: '过冬棉被', quantity: 30 } });
  assert.equal(noUnitOfQuantity.status, 400);
  assert.ok(noUnitOfQuantity.body.error.fields.quantityUnit);
  const venueAsResource = await t.request('POST', '/api/resources', { cookie: secretary, body: { orgId: guangmingId, kind: 'venue', category: 'culture', name: '活动室' } });
  assert.equal(venueAsResource.status, 400);
  assert.ok(venueAsResource.body.error.fields.kind);
});

test('a venue is a resource with opening hours; it appears in the resources list', async () => {
  const venue = await t.request('POST', '/api/venues', {
    cookie: liaison,
    body: { unitId: taxUnitId, name: '税务局职工篮球场', venueType: 'court', category: 'culture', capacity: 30, openDays: [6, 7], opensAt: '08:00', closesAt: '18:00', needsApproval: true },
  });
  assert.equal(venue.status, 200, venue.text);
  assert.deepEqual([venue.body.orgId, venue.body.venueTypeLabel, venue.body.needsApproval, venue.body.opensAt], [guangmingId, '球场', true, '08:00']);
  const listed = await t.request('GET', `/api/resources/${venue.body.resourceId}`, { cookie: secretary });
  assert.deepEqual([listed.body.kind, listed.body.venueId, listed.body.availability, listed.body.quantity], ['venue', venue.body.id, '周六、周日 08:00–18:00', 30]);
  const badHours = await t.request('POST', '/api/venues', {
    cookie: secretary, body: { orgId: guangmingId, name: '倒置的活动室', venueType: 'function_room', opensAt: '18:00', closesAt: '08:00' },
  });
  assert.equal(badHours.status, 400);
  assert.equal(badHours.body.error.fieldCodes.closesAt, 'resource.venue_hours');
});

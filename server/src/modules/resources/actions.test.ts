import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addDays, regionToday } from '../../kernel/time.ts';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { STAFF_AT, actionCallers, actionMismatches, orgsOf, places, type Caller, type Places } from '../../../../test/support/allowed-actions.ts';
import * as orgs from '../orgs/service.ts';
import * as users from '../users/service.ts';
import { BOOKING_ACTIONS, RESOURCE_ACTIONS, RESOURCE_LIST_ACTIONS, VENUE_ACTIONS } from './schema.ts';
import * as resources from './service.ts';

// Role × action for resources, venues and bookings: what each record lists
// for a role is exactly what that role gets done.

let t: TestApp;
let p: Places;
let callers: Caller[];
let admin: string;
let n = 0;

before(async () => {
  t = await testApp({ demo: true });
  p = await places(t);
  callers = await actionCallers(t, p);
  admin = await t.login('admin');
});
after(() => t.close());

/** Where a record is: a community's own, its grid's own, a unit's (the liaison's, or another community's). */
type Place = { orgId: number } | { unitId: number };
const placesOf = (): [string, Place][] => [
  ['光明', { orgId: p.guangming }], ['光明一网格', { orgId: p.grid }], ['向阳', { orgId: p.xiangyang }],
  ['税务局', { unitId: p.tax.id }], ['中心医院', { unitId: p.hospital.id }],
];

async function created(url: string, body: object): Promise<number> {
  const r = await t.request('POST', url, { cookie: admin, body });
  assert.equal(r.status, 200, r.text);
  return r.body.id;
}
const newResource = (place: Place) => created('/api/resources', { ...place, kind: 'service', category: 'party', name: `权限测试资源${++n}` });
const newVenue = (place: Place) =>
  created('/api/venues', { ...place, name: `权限测试阵地${++n}`, venueType: 'meeting_room', opensAt: '00:00', closesAt: '23:59', needsApproval: true });
const tomorrow = addDays(regionToday(), 1);
const slot = () => ({ startsAt: `${tomorrow}T${String(8 + (n % 12)).padStart(2, '0')}:00`, endsAt: `${tomorrow}T${String(8 + (n % 12)).padStart(2, '0')}:30`, purpose: '权限测试' });

/** A booking waiting for the venue's owner side, booked by a grid worker of the venue's place (who may book, not decide). */
async function newBooking(place: Place): Promise<number> {
  const venueId = await newVenue(place);
  return t.kernel.db.system(async (q) => {
    const venue = (await resources.findVenue(q, venueId))!;
    const booker = (await users.list(q, { q: 'wangge', page: 1, pageSize: 1 })).items[0]!;
    const staff = { id: 0, role: 'grid_worker' as const, orgId: venue.orgId, orgPath: await orgs.pathOf(q, venue.orgId), orgName: '', unitId: null, unitName: null, regionId: 0 };
    const scope = { userId: booker.id, userName: booker.displayName, grants: [staff] };
    const b = await resources.book(q, scope, venueId, slot());
    assert.equal(b.status, 'pending');
    return b.id;
  });
}

const read = async (c: Caller, url: string) => {
  const r = await t.request('GET', url, { cookie: c.cookie });
  return r.status === 200 ? r.body : undefined;
};

// Who may do it, at each place: its own staff above it, and a unit's liaison at the unit.
const { 光明: GUANGMING, 光明一网格: GRID, 向阳: XIANGYANG } = STAFF_AT;
const TAX = ['admin', 'guangming', 'liaison', 'xinhua'];
const HOSPITAL = ['admin', 'heping', 'mixed.liaison', 'mixed.worker', 'xiangyang'];
const both = (names: string[]) => ({ edit: names, book: names });
/** Deciding a booking is the venue's owner's (a unit decides its own alone); the booker (the grid worker) may cancel it. */
const decide = (names: string[], cancel = [...names, 'wangge'].sort()) => ({ approve: names, reject: names, cancel });
const EXPECTED = {
  resource: { 光明: GUANGMING, 光明一网格: GRID, 向阳: XIANGYANG, 税务局: TAX, 中心医院: HOSPITAL },
  resourceList: { 光明: TAX, 光明一网格: GRID, 向阳: HOSPITAL },
  venue: { 光明: both(GUANGMING), 光明一网格: both(GRID), 向阳: both(XIANGYANG), 税务局: both(TAX), 中心医院: both(HOSPITAL) },
  booking: {
    光明: decide(GUANGMING), 光明一网格: decide(GUANGMING), 向阳: decide(XIANGYANG),
    税务局: decide(['liaison']), 中心医院: decide(['mixed.liaison']),
  },
};

test('a resource lists edit exactly for whom may change it', async () => {
  const allowed: Record<string, string[] | undefined> = {};
  for (const [name, place] of placesOf()) {
    const found = await actionMismatches(callers, {
      actions: RESOURCE_ACTIONS.values,
      fresh: () => newResource(place),
      read: (c, id) => read(c, `/api/resources/${id}`),
      attempt: (c, _action, id) => t.request('PATCH', `/api/resources/${id}`, { cookie: c.cookie, body: { description: `改于 ${++n}` } }),
    });
    assert.deepEqual(found.mismatches, [], name);
    allowed[name] = found.allowed.edit;
  }
  assert.deepEqual(allowed, EXPECTED.resource);
});

test('a list of resources lists create exactly where the viewer may list one', async () => {
  const allowed: Record<string, string[] | undefined> = {};
  for (const [name, orgId] of orgsOf(p)) {
    const found = await actionMismatches(callers, {
      actions: RESOURCE_LIST_ACTIONS.values,
      fresh: async () => orgId,
      read: (c) => read(c, `/api/resources?orgId=${orgId}`),
      attempt: (c) => {
        // A liaison lists in the unit's name, where the unit is.
        const unit = c.units.find((u) => u.orgId === orgId);
        const body = { ...(unit ? { unitId: unit.id } : { orgId }), kind: 'service', category: 'party', name: `权限测试新资源${++n}` };
        return t.request('POST', '/api/resources', { cookie: c.cookie, body });
      },
    });
    assert.deepEqual(found.mismatches, [], name);
    allowed[name] = found.allowed.create;
  }
  assert.deepEqual(allowed, EXPECTED.resourceList);
});

test('a venue lists edit and book exactly for whom may do them', async () => {
  const allowed: Record<string, Record<string, string[]>> = {};
  for (const [name, place] of placesOf()) {
    const found = await actionMismatches(callers, {
      actions: VENUE_ACTIONS.values,
      fresh: () => newVenue(place),
      read: async (c, id) => (await t.request('GET', '/api/venues', { cookie: c.cookie })).body.items.find((v: { id: number }) => v.id === id),
      attempt: (c, action, id) =>
        action === 'edit'
          ? t.request('PATCH', `/api/venues/${id}`, { cookie: c.cookie, body: { location: `${++n} 号` } })
          : t.request('POST', `/api/venues/${id}/bookings`, { cookie: c.cookie, body: slot() }),
    });
    assert.deepEqual(found.mismatches, [], name);
    allowed[name] = found.allowed;
  }
  assert.deepEqual(allowed, EXPECTED.venue);
});

test('a booking lists approve, reject and cancel exactly for whom may take them', async () => {
  const allowed: Record<string, Record<string, string[]>> = {};
  for (const [name, place] of placesOf()) {
    const found = await actionMismatches(callers, {
      actions: BOOKING_ACTIONS.values,
      fresh: () => newBooking(place),
      read: (c, id) => read(c, `/api/venue-bookings/${id}`),
      attempt: (c, action, id) =>
        t.request('POST', `/api/venue-bookings/${id}/${action}`, { cookie: c.cookie, body: action === 'approve' ? undefined : { reason: '权限测试' } }),
    });
    assert.deepEqual(found.mismatches, [], name);
    allowed[name] = found.allowed;
  }
  assert.deepEqual(allowed, EXPECTED.booking);
});

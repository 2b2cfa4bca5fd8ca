import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addDays, regionToday } from '../../kernel/time.ts';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { actors, compareActions, places, type Actor, type Places } from '../../../../test/support/allowed-actions.ts';
import * as orgs from '../orgs/service.ts';
import * as users from '../users/service.ts';
import { BOOKING_ACTIONS, RESOURCE_ACTIONS, RESOURCE_LIST_ACTIONS, VENUE_ACTIONS } from './schema.ts';
import * as resources from './service.ts';

// Role × action for resources, venues and bookings: what each record lists
// for a role is exactly what that role gets done.

let t: TestApp;
let p: Places;
let cast: Actor[];
let admin: string;
let n = 0;

before(async () => {
  t = await testApp({ demo: true });
  p = await places(t);
  cast = await actors(t, p);
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

const actionsAt = async (cookie: string, url: string) => {
  const r = await t.request('GET', url, { cookie });
  return r.status === 200 ? (r.body.actions as string[]) : null;
};

test('a resource lists edit exactly for whom may change it', async () => {
  const subjects = await Promise.all(placesOf().map(async ([name, place]) => ({ name, place, id: await newResource(place) })));
  const { mismatches, done } = await compareActions({
    actors: cast, actions: RESOURCE_ACTIONS.values, subjects, name: (s) => s.name,
    fresh: async (s) => ({ ...s, id: await newResource(s.place) }),
    listed: (a, s) => actionsAt(a.cookie, `/api/resources/${s.id}`),
    attempt: (a, _action, s) => t.request('PATCH', `/api/resources/${s.id}`, { cookie: a.cookie, body: { description: `改于 ${++n}` } }),
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual([...done], ['edit']);
});

test('a list of resources lists create exactly where the viewer may list one', async () => {
  const subjects = [['光明', p.guangming], ['光明一网格', p.grid], ['向阳', p.xiangyang]] as const;
  const { mismatches, done } = await compareActions({
    actors: cast, actions: RESOURCE_LIST_ACTIONS.values, subjects: [...subjects], name: (s) => s[0], fresh: async (s) => s,
    listed: (a, [, orgId]) => actionsAt(a.cookie, `/api/resources?orgId=${orgId}`),
    attempt: (a, _action, [, orgId]) => {
      // A liaison lists in the unit's name, where the unit is.
      const unit = a.units.find((u) => u.orgId === orgId);
      const body = { ...(unit ? { unitId: unit.id } : { orgId }), kind: 'service', category: 'party', name: `权限测试新资源${++n}` };
      return t.request('POST', '/api/resources', { cookie: a.cookie, body });
    },
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual([...done], ['create']);
});

test('a venue lists edit and book exactly for whom may do them', async () => {
  const subjects = await Promise.all(placesOf().map(async ([name, place]) => ({ name, place, id: await newVenue(place) })));
  const { mismatches, done } = await compareActions({
    actors: cast, actions: VENUE_ACTIONS.values, subjects, name: (s) => s.name,
    fresh: async (s) => ({ ...s, id: await newVenue(s.place) }),
    listed: async (a, s) => {
      const list = await t.request('GET', `/api/venues`, { cookie: a.cookie });
      return list.body.items.find((v: { id: number }) => v.id === s.id)?.actions ?? null;
    },
    attempt: (a, action, s) =>
      action === 'edit'
        ? t.request('PATCH', `/api/venues/${s.id}`, { cookie: a.cookie, body: { location: `${++n} 号` } })
        : t.request('POST', `/api/venues/${s.id}/bookings`, { cookie: a.cookie, body: slot() }),
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual([...done].sort(), ['book', 'edit']);
});

test('a booking lists approve, reject and cancel exactly for whom may take them', async () => {
  const subjects = await Promise.all(placesOf().map(async ([name, place]) => ({ name, place, id: await newBooking(place) })));
  const { mismatches, done } = await compareActions({
    actors: cast, actions: BOOKING_ACTIONS.values, subjects, name: (s) => s.name,
    fresh: async (s) => ({ ...s, id: await newBooking(s.place) }),
    listed: (a, s) => actionsAt(a.cookie, `/api/venue-bookings/${s.id}`),
    attempt: (a, action, s) =>
      t.request('POST', `/api/venue-bookings/${s.id}/${action}`, { cookie: a.cookie, body: action === 'approve' ? undefined : { reason: '权限测试' } }),
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual([...done].sort(), ['approve', 'cancel', 'reject']);
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { APP_HEADERS, testApp, type TestApp } from '../../../../test/support/app.ts';
import { xmlText } from './feed.ts';
import { PUBLIC_PER_MINUTE } from './service.ts';

let t: TestApp;
let secretary: string;
let guangming: number;
let minzhu: number;
before(async () => {
  t = await testApp({ demo: true });
  secretary = await t.login('guangming');
  const find = async (name: string) => (await t.request('GET', `/api/orgs?q=${encodeURIComponent(name)}`, { cookie: secretary })).body.items[0]?.id;
  guangming = await find('光明社区党委');
  minzhu = (await t.request('GET', `/api/orgs?q=${encodeURIComponent('民主社区党委')}`, { cookie: await t.login('admin') })).body.items[0].id;
});
after(() => t.close());

/** A request from a client address of its own, as the server sees it (the rate limit counts per address). */
let client = 0;
const signedOut = async (url: string, headers: Record<string, string> = {}, remoteAddress = `10.0.${client >> 8}.${client++ & 255}`) => {
  const res = await t.app.inject({ method: 'GET', url, headers: { ...APP_HEADERS, ...headers }, remoteAddress });
  const json = String(res.headers['content-type'] ?? '').includes('json') && res.body;
  return { status: res.statusCode, body: json ? JSON.parse(res.body) : res.body, text: res.body, headers: res.headers };
};

test('the reference community’s page is public without signing in: activities, venues, projects, wishes in counts, units with pledges, no personal data', async () => {
  const page = await signedOut('/api/alliance/guangming');
  assert.equal(page.status, 200, page.text);
  assert.equal(page.body.orgId, guangming);
  assert.ok(page.body.activities.length > 0, 'upcoming activities open to residents');
  assert.ok(page.body.venues.some((v: { name: string; opensAt: string }) => v.name === '第五中学操场' && v.opensAt === '07:00'));
  assert.ok(page.body.projects.some((p: { name: string }) => p.name === '党员干部进社区·点亮微心愿'));
  assert.ok(page.body.units.some((u: { name: string }) => u.name === '梅河口市税务局'));
  assert.ok(page.body.wishes.every((w: Record<string, unknown>) => Object.keys(w).sort().join() === 'category,claimed,fulfilled,waiting'));
  // The same page by id; no resident's name, phone or a wish's requester shows.
  assert.deepEqual((await signedOut(`/api/alliance/${guangming}`)).body, page.body);
  for (const personal of ['王丽华', '周志强', '138', 'requester', 'phone', 'Phone']) assert.ok(!page.text.includes(personal), personal);
});

test('the page is cached by browsers and proxies and answers 304 while nothing changed', async () => {
  const first = await signedOut('/api/alliance/guangming');
  assert.match(String(first.headers['cache-control']), /^public, max-age=\d+$/);
  const etag = String(first.headers.etag);
  const again = await signedOut('/api/alliance/guangming', { 'if-none-match': etag });
  assert.equal(again.status, 304);
  assert.equal(again.text, '');
  const feed = await signedOut('/api/alliance/guangming/feed.atom');
  assert.equal((await signedOut('/api/alliance/guangming/feed.atom', { 'if-none-match': String(feed.headers.etag) })).status, 304);
});

test('a community publishes nothing until its secretary turns sections on; only the chosen sections show', async () => {
  const admin = await t.login('admin');
  assert.equal((await signedOut(`/api/alliance/${minzhu}`)).body.error.code, 'alliance.no_page');
  const settings = await t.request('GET', `/api/orgs/${minzhu}/alliance-page`, { cookie: admin });
  assert.deepEqual([settings.body.sections, settings.body.actions], [[], ['edit']]);
  const set = await t.request('PATCH', `/api/orgs/${minzhu}/alliance-page`, { cookie: admin, body: { slug: 'Minzhu', sections: ['venues'] } });
  assert.equal(set.status, 200, set.text);
  assert.equal(set.body.slug, 'minzhu');
  const page = await signedOut('/api/alliance/minzhu');
  assert.equal(page.status, 200, page.text);
  assert.deepEqual([page.body.sections, page.body.activities, page.body.projects, page.body.units], [['venues'], null, null, null]);

  const taken = await t.request('PATCH', `/api/orgs/${minzhu}/alliance-page`, { cookie: admin, body: { slug: 'guangming', sections: ['venues'] } });
  assert.deepEqual([taken.status, taken.body.error.fieldCodes], [409, { slug: 'alliance.slug_taken' }]);
  const bad = await t.request('PATCH', `/api/orgs/${minzhu}/alliance-page`, { cookie: admin, body: { slug: '-x', sections: ['nobody'] } });
  assert.equal(bad.status, 400);
  assert.deepEqual(Object.keys(bad.body.error.fieldCodes).sort(), ['sections.0', 'slug']);
  assert.equal(bad.body.error.fieldCodes.slug, 'alliance.slug_format');

  // Taken down: an empty list.
  await t.request('PATCH', `/api/orgs/${minzhu}/alliance-page`, { cookie: admin, body: { sections: [] } });
  assert.equal((await signedOut('/api/alliance/minzhu')).status, 404);
});

test('a street’s page shows its communities’ rows as each community decides', async () => {
  const admin = await t.login('admin');
  const street = (await t.request('GET', `/api/orgs?q=${encodeURIComponent('新华街道党工委')}`, { cookie: admin })).body.items[0].id;
  assert.equal((await t.request('PATCH', `/api/orgs/${street}/alliance-page`, { cookie: admin, body: { slug: 'xinhua', sections: ['projects'] } })).status, 200);
  const names = async () => (await signedOut('/api/alliance/xinhua')).body.projects.map((p: { name: string }) => p.name);
  assert.ok((await names()).includes('党员干部进社区·点亮微心愿'), '光明 publishes its projects');
  const kept = await t.request('PATCH', `/api/orgs/${guangming}/alliance-page`, { cookie: secretary, body: { sections: ['activities', 'venues'] } });
  assert.equal(kept.status, 200, kept.text);
  assert.ok(!(await names()).includes('党员干部进社区·点亮微心愿'), '光明 keeps its projects off its street’s page too');
  await t.request('PATCH', `/api/orgs/${guangming}/alliance-page`, { cookie: secretary, body: { sections: ['activities', 'venues', 'projects', 'wishes', 'units'] } });
});

test('a grid has no page: even its secretary is refused, naming the organization', async () => {
  const grid = (await t.request('GET', `/api/orgs/${guangming}/children`, { cookie: secretary })).body.items[0].id;
  const notPlace = await t.request('PATCH', `/api/orgs/${grid}/alliance-page`, { cookie: secretary, body: { sections: ['venues'] } });
  assert.deepEqual([notPlace.status, notPlace.body.error.code], [400, 'alliance.not_place']);
  assert.equal((await t.request('GET', `/api/orgs/${grid}/alliance-page`, { cookie: secretary })).body.actions.length, 0);
});

test('a hostile activity title is carried literally in the page and escaped in the Atom feed', async () => {
  const hostile = `</title><script>alert(1)</script>]]>&amp;"'`;
  const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const made = await t.request('POST', '/api/activities', {
    cookie: secretary,
    body: { orgId: guangming, kind: 'lecture', title: hostile, place: '光明社区<b>', startsAt: `${day}T01:00:00Z`, endsAt: `${day}T02:00:00Z`, capacity: 20, audience: ['residents'] },
  });
  assert.equal(made.status, 200, made.text);
  const page = await signedOut('/api/alliance/guangming');
  assert.ok(page.body.activities.some((a: { title: string }) => a.title === hostile));
  const feed = await signedOut('/api/alliance/guangming/feed.atom');
  assert.equal(feed.status, 200);
  assert.match(String(feed.headers['content-type']), /^application\/atom\+xml/);
  assert.ok(!feed.text.includes('<script>') && !feed.text.includes(hostile));
  assert.ok(feed.text.includes('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;]]&gt;&amp;amp;&quot;&apos;</title>'));
  // The markup balances: every element opened is closed, in order.
  const stack: string[] = [];
  for (const [, close, name, selfClosing] of feed.text.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([a-z]+)[^>]*?(\/?)>/g)) {
    if (selfClosing) continue;
    if (close) assert.equal(stack.pop(), name);
    else stack.push(name!);
  }
  assert.deepEqual(stack, []);
  // The calendar carries the title as text: its commas and semicolons escaped, a new line never a new property.
  const ics = await signedOut('/api/alliance/guangming/calendar.ics');
  assert.equal(ics.status, 200);
  assert.match(String(ics.headers['content-type']), /^text\/calendar/);
  const unfolded = ics.text.replace(/\r\n[ \t]/g, '');
  assert.ok(unfolded.includes(`SUMMARY:${hostile.replace(';', '\\;')}`), 'the hostile title, as a summary');
  assert.ok(unfolded.includes('LOCATION:光明社区<b>'));
  const sneaky = await t.request('POST', '/api/activities', {
    cookie: secretary,
    body: { orgId: guangming, kind: 'lecture', title: '讲座,第一讲;\nBEGIN:VALARM', place: '活动室', startsAt: `${day}T03:00:00Z`, endsAt: `${day}T04:00:00Z`, capacity: 20, audience: ['residents'] },
  });
  assert.equal(sneaky.status, 200, sneaky.text);
  const again = (await signedOut('/api/alliance/guangming/calendar.ics')).text.replace(/\r\n[ \t]/g, '');
  assert.ok(again.includes('SUMMARY:讲座\\,第一讲\\;\\nBEGIN:VALARM'), again);
  assert.doesNotMatch(again, /^BEGIN:VALARM/m, 'no property made from a title');
  assert.ok(ics.text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75), 'lines folded at 75 octets');
});

test('xmlText drops what XML cannot hold and escapes the rest', () => {
  assert.equal(xmlText('a\u0001b\u0008\ud800c\uffff<&>"\''), 'abc&lt;&amp;&gt;&quot;&apos;');
  assert.equal(xmlText('表情😀\ttab\nline'), '表情😀\ttab\nline');
});

test('public pages are rate-limited per client address the server sees, whatever the client claims', async () => {
  const address = '192.0.2.77';
  for (let i = 0; i < PUBLIC_PER_MINUTE; i++) {
    const res = await signedOut(`/api/alliance/${i % 2 ? 'guangming' : 999_999_999}`, { 'x-forwarded-for': `198.51.100.${i}` }, address);
    assert.ok(res.status === 200 || res.status === 404, String(res.status));
  }
  const refused = await signedOut('/api/alliance/guangming', { 'x-forwarded-for': '198.51.100.250' }, address);
  assert.deepEqual([refused.status, refused.body.error.code, refused.headers['retry-after']], [429, 'alliance.too_many', '60']);
  assert.equal((await signedOut('/api/alliance/guangming/feed.atom', {}, address)).status, 429);
  assert.equal((await signedOut('/api/alliance/guangming', {}, '192.0.2.78')).status, 200);
});

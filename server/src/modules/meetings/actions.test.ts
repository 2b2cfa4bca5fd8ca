import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { actionCallers, actionMismatchesAcross, places, type Caller, type Places } from '../../../../test/support/allowed-actions.ts';
import { INVITEE_ACTIONS, MEETING_ACTIONS, MEETING_LIST_ACTIONS, MINUTES_ACTIONS, TASK_ACTIONS, type MeetingAction, type TaskAction, type TaskStatus } from './schema.ts';
import * as meetings from './service.ts';

// Role × action for meetings, invitations, minutes and tasks: what each
// record lists for a role is exactly what that role gets done.

let t: TestApp;
let p: Places;
let cast: Caller[];
let admin: string;
let n = 0;
/** The smallest file a PDF reader takes for one. */
const PDF = `data:application/pdf;base64,${Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64')}`;

before(async () => {
  t = await testApp({ demo: true });
  p = await places(t);
  cast = await actionCallers(t, p);
  admin = await t.login('admin');
});
after(() => t.close());

/** A meeting of an organization with one of its tied units invited. */
type Place = { name: string; orgId: number; unitId: number };
const placesOf = (): Place[] => [
  { name: '光明', orgId: p.guangming, unitId: p.tax.id },
  { name: '向阳', orgId: p.xiangyang, unitId: p.hospital.id },
];

async function newMeeting(place: Place): Promise<{ id: number; inviteeId: number; minutesId: number }> {
  const m = await t.request('POST', '/api/meetings', { cookie: admin, body: { orgId: place.orgId, kind: 'joint', title: `权限测试会议${++n}`, startsAt: '2026-06-05T09:00:00+08:00' } });
  assert.equal(m.status, 200, m.text);
  const invited = await t.request('POST', `/api/meetings/${m.body.id}/invitees`, { cookie: admin, body: { unitIds: [place.unitId] } });
  assert.equal(invited.status, 200, invited.text);
  const written = await t.request('POST', `/api/meetings/${m.body.id}/minutes`, { cookie: admin, body: { body: '草稿' } });
  return { id: m.body.id, inviteeId: invited.body.invitees[0].id, minutesId: written.body.minutes[0].id };
}

const detail = async (a: Caller, id: number) => {
  const r = await t.request('GET', `/api/meetings/${id}`, { cookie: a.cookie });
  return r.status === 200 ? r.body : null;
};
const post = (a: Caller, url: string, body: unknown = {}) => t.request('POST', url, { cookie: a.cookie, body });

test('a meeting lists its organizers’ actions exactly for whom may take them', async () => {
  const subjects = await Promise.all(placesOf().map(async (place) => ({ place, ...(await newMeeting(place)) })));
  const { mismatches, done } = await actionMismatchesAcross(cast, {
    actions: MEETING_ACTIONS.values, subjects, name: (s) => s.place.name,
    fresh: async (s) => ({ ...s, ...(await newMeeting(s.place)) }),
    listed: async (a, s) => (await detail(a, s.id))?.actions ?? null,
    attempt: (a, action, s) => ({
      edit: () => t.request('PATCH', `/api/meetings/${s.id}`, { cookie: a.cookie, body: { title: `改名${++n}` } }),
      invite: () => post(a, `/api/meetings/${s.id}/invitees`, { unitIds: [] }),
      addAgendaItem: () => post(a, `/api/meetings/${s.id}/agenda`, { title: '议题' }),
      recordAttendance: () => post(a, `/api/meeting-invitees/${s.inviteeId}/attendance`, { attendance: 'present' }),
      writeMinutes: () => t.request('PATCH', `/api/meeting-minutes/${s.minutesId}`, { cookie: a.cookie, body: { body: '改写' } }),
      resolve: () => post(a, `/api/meetings/${s.id}/resolutions`, { text: '决议', tasks: [] }),
      attach: () => post(a, `/api/meetings/${s.id}/attachments`, { purpose: 'minutes', name: '纪要.pdf', dataUrl: PDF }),
    })[action as MeetingAction](),
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual([...done].sort(), [...MEETING_ACTIONS.values].sort());
});

test('a list of meetings lists create exactly where the viewer may schedule one', async () => {
  const subjects = placesOf();
  const { mismatches, done } = await actionMismatchesAcross(cast, {
    actions: MEETING_LIST_ACTIONS.values, subjects, name: (s) => s.name, fresh: async (s) => s,
    listed: async (a, s) => {
      const r = await t.request('GET', `/api/meetings?orgId=${s.orgId}`, { cookie: a.cookie });
      return r.status === 200 ? r.body.actions : null;
    },
    attempt: (a, _action, s) => post(a, '/api/meetings', { orgId: s.orgId, kind: 'committee', title: `新会议${++n}`, startsAt: '2026-06-12T09:00:00+08:00' }),
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual([...done], ['create']);
});

test('an invitation lists answer for the invited unit’s liaison and attendance for the organizers; minutes list edit and approve for the organizers', async () => {
  const subjects = await Promise.all(placesOf().map(async (place) => ({ place, ...(await newMeeting(place)) })));
  const invitees = await actionMismatchesAcross(cast, {
    actions: INVITEE_ACTIONS.values, subjects, name: (s) => s.place.name,
    fresh: async (s) => ({ ...s, ...(await newMeeting(s.place)) }),
    listed: async (a, s) => (await detail(a, s.id))?.invitees.find((i: { id: number }) => i.id === s.inviteeId)?.actions ?? null,
    attempt: (a, action, s) =>
      action === 'answer' ? post(a, `/api/meeting-invitees/${s.inviteeId}/answer`, { response: 'attending' }) : post(a, `/api/meeting-invitees/${s.inviteeId}/attendance`, { attendance: 'absent' }),
  });
  assert.deepEqual(invitees.mismatches, []);
  assert.deepEqual([...invitees.done].sort(), ['answer', 'recordAttendance']);
  const minutes = await actionMismatchesAcross(cast, {
    actions: MINUTES_ACTIONS.values, subjects, name: (s) => s.place.name,
    fresh: async (s) => ({ ...s, ...(await newMeeting(s.place)) }),
    listed: async (a, s) => (await detail(a, s.id))?.minutes.find((x: { id: number }) => x.id === s.minutesId)?.actions ?? null,
    attempt: (a, action, s) =>
      action === 'approve' ? post(a, `/api/meeting-minutes/${s.minutesId}/approve`) : t.request('PATCH', `/api/meeting-minutes/${s.minutesId}`, { cookie: a.cookie, body: { body: '改' } }),
  });
  assert.deepEqual(minutes.mismatches, []);
  assert.deepEqual([...minutes.done].sort(), ['approve', 'edit']);
});

/** A task given by a meeting of the place's organization, to its tied unit or to its grid branch, in a state. */
type TaskSubject = { name: string; orgId: number; to: { unitId: number } | { orgId: number }; status: TaskStatus; id: number };

async function newTask(s: Omit<TaskSubject, 'id'>): Promise<number> {
  return t.kernel.db.system(async (q) => {
    const [meetingId] = await meetings.scheduleMany(q, [{ orgId: s.orgId, kind: 'joint', title: `权限测试${++n}`, startsAt: '2026-05-08T09:00:00+08:00', place: null, cadence: 'once', status: 'held', createdBy: '测试' }]);
    const [resolutionId] = await meetings.resolveMany(q, [{ orgId: s.orgId, meetingId: meetingId!, agendaItemId: null, text: '决议' }]);
    await meetings.taskMany(q, [{
      orgId: s.orgId, meetingId: meetingId!, resolutionId: resolutionId!, assigneeOrgId: 'orgId' in s.to ? s.to.orgId : null, unitId: 'unitId' in s.to ? s.to.unitId : null,
      assigneeName: '承办方', title: `任务${n}`, deadline: '2026-07-01', responsible: '某人', status: s.status,
    }]);
    const [row] = await q.query<{ id: number }>(`SELECT id FROM meeting_tasks WHERE resolution_id = $1`, [resolutionId]);
    return row!.id;
  });
}

test('a task lists accept, report, complete and createNeed exactly for whom may take them', async () => {
  const kinds: Omit<TaskSubject, 'id' | 'status'>[] = [
    { name: '光明→税务局', orgId: p.guangming, to: { unitId: p.tax.id } },
    { name: '光明→一网格', orgId: p.guangming, to: { orgId: p.grid } },
    { name: '向阳→中心医院', orgId: p.xiangyang, to: { unitId: p.hospital.id } },
  ];
  const subjects: TaskSubject[] = [];
  for (const k of kinds) for (const status of ['assigned', 'accepted'] as const) subjects.push({ ...k, status, id: await newTask({ ...k, status }) });
  const { mismatches, done } = await actionMismatchesAcross(cast, {
    actions: TASK_ACTIONS.values, subjects, name: (s) => `${s.name} (${s.status})`,
    fresh: async (s) => ({ ...s, id: await newTask(s) }),
    listed: async (a, s) => {
      const r = await t.request('GET', `/api/meeting-tasks`, { cookie: a.cookie });
      return r.body.items?.find((x: { id: number }) => x.id === s.id)?.actions ?? null;
    },
    attempt: (a, action, s) => ({
      accept: () => post(a, `/api/meeting-tasks/${s.id}/accept`),
      report: () => post(a, `/api/meeting-tasks/${s.id}/progress`, { note: '进展' }),
      complete: () => post(a, `/api/meeting-tasks/${s.id}/complete`, { evidence: '完成' }),
      createNeed: () => post(a, `/api/meeting-tasks/${s.id}/need`, { category: 'other' }),
    })[action as TaskAction](),
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual([...done].sort(), [...TASK_ACTIONS.values].sort());
});

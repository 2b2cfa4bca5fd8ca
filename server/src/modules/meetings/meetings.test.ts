import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { addDays, regionToday } from '../../kernel/time.ts';
import * as orgs from '../orgs/service.ts';
import * as meetings from './service.ts';

let t: TestApp;
let secretary: string;
let liaison: string;
let guangming: number;
let gridBranch: number;
let xiangyang: number;
const unit: Record<'tax' | 'school' | 'hospital', number> = { tax: 0, school: 0, hospital: 0 };

before(async () => {
  t = await testApp({ demo: true });
  secretary = await t.login('guangming');
  liaison = await t.login('liaison');
  await t.kernel.db.system(async (q) => {
    guangming = (await orgs.search(q, '光明社区党委', 1, 1)).items[0]!.id;
    gridBranch = (await orgs.search(q, '光明社区第一网格党支部', 1, 1)).items[0]!.id;
    xiangyang = (await orgs.search(q, '向阳社区党委', 1, 1)).items[0]!.id;
    const units = await orgs.listUnits(q);
    unit.tax = units.find((u) => u.name === '梅河口市税务局')!.id;
    unit.school = units.find((u) => u.name === '梅河口市第五中学')!.id;
    unit.hospital = units.find((u) => u.name === '梅河口市中心医院')!.id;
  });
});
after(() => t.close());

const post = (cookie: string, url: string, body: unknown = {}) => t.request('POST', url, { cookie, body });
const code = (res: { body: { error?: { code: string } } }) => res.body.error?.code;
type Task = { id: number; title: string; status: string; overdue: boolean; actions: string[]; unitId: number | null; assigneeOrgId: number | null; reports: { kind: string }[] };
type Detail = {
  id: number; actions: string[]; invitees: { id: number; unitId: number | null; response: string; attendance: string | null; actions: string[] }[];
  minutes: { id: number; version: number; status: string; actions: string[] }[]; resolutions: { id: number; tasks: Task[] }[]; carriedOver: Task[];
  agenda: { title: string; source: string }[]; present: number; openTasks: number; overdueTasks: number;
};

test('the demo: 天宁’s street committee meets monthly; this month’s meeting carries last month’s open tasks, in every state', async () => {
  const admin = await t.login('admin');
  const street = (await t.request('GET', `/api/orgs?q=${encodeURIComponent('天宁街道党工委')}`, { cookie: admin })).body.items[0].id;
  const list = await t.request('GET', `/api/meetings?orgId=${street}&kind=committee`, { cookie: admin });
  assert.equal(list.status, 200, list.text);
  const next = list.body.items.find((m: { status: string; orgId: number }) => m.status === 'scheduled' && m.orgId === street);
  const detail = (await t.request('GET', `/api/meetings/${next.id}`, { cookie: admin })).body as Detail;
  assert.deepEqual(detail.carriedOver.map((x) => x.status).sort(), ['accepted', 'assigned', 'assigned', 'in_progress'], 'what is done is not carried');
  assert.ok(detail.carriedOver.some((x) => x.overdue), 'one of them past its deadline');
  const tasks = (await t.request('GET', `/api/meeting-tasks?orgId=${street}`, { cookie: admin })).body.items as Task[];
  assert.deepEqual([...new Set(tasks.map((x) => x.status))].sort(), ['accepted', 'assigned', 'done', 'in_progress']);
  const joint = (await t.request('GET', `/api/meetings?orgId=${street}&kind=joint`, { cookie: admin })).body.items[0];
  assert.equal(joint.invited, 7, 'the group’s secretary and its six field offices');
  assert.equal(joint.present, 6, 'one excused');
});

async function schedule(title: string, startsAt: string, kind = 'joint'): Promise<Detail> {
  const res = await post(secretary, '/api/meetings', { orgId: guangming, kind, title, startsAt, place: '光明社区党群服务中心', cadence: 'monthly' });
  assert.equal(res.status, 200, res.text);
  return res.body;
}

test('a joint meeting: invite two tied units, the liaison answers, sign-in, a resolution with two tasks, the liaison works its task, the next meeting carries what is open', async () => {
  const m = await schedule('光明社区3月联席会议', '2026-03-06T09:00:00+08:00');
  assert.deepEqual(m.actions, ['edit', 'invite', 'addAgendaItem', 'recordAttendance', 'writeMinutes', 'resolve', 'attach']);
  const invited = await post(secretary, `/api/meetings/${m.id}/invitees`, { unitIds: [unit.tax, unit.school] });
  assert.equal(invited.status, 200, invited.text);
  assert.equal(invited.body.invitees.length, 2);
  assert.ok(invited.body.invitees.every((i: { actions: string[] }) => i.actions.join() === 'recordAttendance'), 'the secretary signs in, does not answer');

  const mine = await t.request('GET', '/api/meetings?invited=true', { cookie: liaison });
  assert.equal(mine.status, 200, mine.text);
  assert.deepEqual(mine.body.items.map((x: { id: number }) => x.id), [m.id], 'the liaison sees the meeting their unit is invited to');
  assert.deepEqual(mine.body.items[0].actions, [], 'and organizes nothing');
  const seen = await t.request('GET', `/api/meetings/${m.id}`, { cookie: liaison });
  assert.equal(seen.status, 200, seen.text);
  const own = seen.body.invitees.find((i: { unitId: number }) => i.unitId === unit.tax);
  assert.deepEqual(own.actions, ['answer']);
  assert.equal(seen.body.invitees.length, 1, 'another unit’s invitation is not the liaison’s to read');
  const answered = await post(liaison, `/api/meeting-invitees/${own.id}/answer`, { response: 'delegating', delegateName: '税务局 李明' });
  assert.equal(answered.status, 200, answered.text);
  assert.equal(answered.body.response, 'delegating');
  const school = invited.body.invitees.find((i: { unitId: number }) => i.unitId === unit.school);
  assert.equal(code(await post(liaison, `/api/meeting-invitees/${school.id}/answer`, { response: 'declined' })), 'kernel.not_found', 'another unit’s invitation is out of reach');

  assert.equal((await post(secretary, `/api/meeting-invitees/${own.id}/attendance`, { attendance: 'delegate' })).body.delegateName, '税务局 李明');
  assert.equal((await post(secretary, `/api/meeting-invitees/${school.id}/attendance`, { attendance: 'present' })).status, 200);
  const agenda = await post(secretary, `/api/meetings/${m.id}/agenda`, { title: '光明小区停车难', unitId: unit.school, note: '五中提议开放操场夜间停车' });
  assert.equal(agenda.body.agenda[0].source, 'proposal');

  const resolved = await post(secretary, `/api/meetings/${m.id}/resolutions`, {
    text: '五中操场夜间向居民开放停车，税务局做好税法宣传', tasks: [
      { unitId: unit.tax, title: '开展税法宣传进社区', deadline: addDays(regionToday(), 30), responsible: '孙伟' },
      { assigneeOrgId: gridBranch, title: '统计夜间停车需求', deadline: addDays(regionToday(), 14), responsible: '陈晓燕' },
    ],
  });
  assert.equal(resolved.status, 200, resolved.text);
  assert.equal(resolved.body.present, 2);
  const [taxTask, gridTask] = resolved.body.resolutions[0].tasks as Task[];
  assert.equal(taxTask!.status, 'assigned');
  assert.deepEqual(taxTask!.actions, ['createNeed'], 'the secretary does not accept for the unit; the committee may raise it as a need');

  const phone = await t.request('GET', '/api/meeting-tasks?mine=true', { cookie: liaison });
  assert.deepEqual(phone.body.items.map((x: Task) => x.id), [taxTask!.id], 'the liaison’s phone lists their unit’s task only');
  assert.deepEqual(phone.body.items[0].actions, ['accept']);
  assert.equal(phone.body.items[0].meetingTitle, '光明社区3月联席会议');
  assert.equal((await post(liaison, `/api/meeting-tasks/${taxTask!.id}/accept`)).body.status, 'accepted');
  const progress = await post(liaison, `/api/meeting-tasks/${taxTask!.id}/progress`, { note: '已联系社区确定宣传日期' });
  assert.equal(progress.body.status, 'in_progress');
  assert.deepEqual(progress.body.actions, ['report', 'complete']);
  const done = await post(liaison, `/api/meeting-tasks/${taxTask!.id}/complete`, { evidence: '3月15日在社区广场开展宣传，发放资料200份' });
  assert.equal(done.status, 200, done.text);
  assert.equal(done.body.status, 'done');
  assert.deepEqual(done.body.reports.map((r: { kind: string }) => r.kind), ['accept', 'progress', 'complete']);

  const next = await schedule('光明社区4月联席会议', '2026-04-03T09:00:00+08:00');
  assert.deepEqual(next.carriedOver.map((x) => x.id), [gridTask!.id], 'the next meeting reads out what is still open, not what is done');
});

test('refused: a task outside the committee and its tied units, another unit’s task, approved minutes edited; a correction is a new version', async () => {
  const m = await schedule('光明社区党委会', '2026-03-13T09:00:00+08:00', 'committee');
  const task = (x: Record<string, unknown>) => ({ text: '决议', tasks: [{ title: '任务', deadline: '2026-04-01', responsible: '某人', ...x }] });
  const untied = await post(secretary, `/api/meetings/${m.id}/resolutions`, task({ unitId: unit.hospital }));
  assert.equal(untied.status, 400);
  assert.equal(code(untied), 'meeting.assignee_outside');
  assert.equal(code(await post(secretary, `/api/meetings/${m.id}/resolutions`, task({ assigneeOrgId: xiangyang }))), 'meeting.assignee_outside');
  assert.equal(code(await post(secretary, `/api/meetings/${m.id}/resolutions`, task({ assigneeOrgId: gridBranch, unitId: unit.tax }))), 'meeting.assignee_one');
  assert.equal(code(await post(secretary, `/api/meetings/${m.id}/invitees`, { unitIds: [unit.hospital] })), 'meeting.unit_not_tied');

  const ok = await post(secretary, `/api/meetings/${m.id}/resolutions`, task({ unitId: unit.school }));
  const schoolTask = ok.body.resolutions[0].tasks[0] as Task;
  const other = await post(liaison, `/api/meeting-tasks/${schoolTask.id}/complete`, { evidence: '不是我的' });
  assert.equal(code(other), 'kernel.not_found', 'another unit’s task is out of the liaison’s sight');
  const byStaff = await post(secretary, `/api/meeting-tasks/${schoolTask.id}/complete`, { evidence: '代办' });
  assert.equal(byStaff.status, 403);
  assert.equal(code(byStaff), 'meeting.not_assignee', 'the committee cannot complete a unit’s task for it');

  const written = await post(secretary, `/api/meetings/${m.id}/minutes`, { body: '出席7人，研究了停车问题。' });
  const v1 = written.body.minutes[0];
  assert.deepEqual([v1.version, v1.status, v1.actions], [1, 'draft', ['edit', 'approve']]);
  assert.equal((await t.request('PATCH', `/api/meeting-minutes/${v1.id}`, { cookie: secretary, body: { body: '出席7人，研究了夜间停车问题。' } })).status, 200);
  assert.equal(code(await post(secretary, `/api/meetings/${m.id}/minutes`, { body: '第二份草稿' })), 'meeting.minutes_draft');
  const approved = await post(secretary, `/api/meeting-minutes/${v1.id}/approve`);
  assert.deepEqual(approved.body.minutes[0].actions, []);
  const edit = await t.request('PATCH', `/api/meeting-minutes/${v1.id}`, { cookie: secretary, body: { body: '改写' } });
  assert.equal(edit.status, 409);
  assert.equal(code(edit), 'meeting.minutes_approved');
  const v2 = await post(secretary, `/api/meetings/${m.id}/minutes`, { body: '出席7人（更正：含列席1人），研究了夜间停车问题。' });
  assert.deepEqual(v2.body.minutes.map((x: { version: number; status: string }) => `${x.version}:${x.status}`), ['2:draft', '1:approved']);
  await assert.rejects(
    t.kernel.db.system((q) => q.query(`UPDATE meeting_minutes SET body = 'x' WHERE id = $1`, [v1.id])),
    (e: { constraint?: string }) => e.constraint === 'meeting_minutes_approved',
    'the database holds it too',
  );

  assert.equal(code(await post(liaison, '/api/meetings', { orgId: guangming, kind: 'joint', title: 'x', startsAt: '2026-03-06T09:00:00+08:00' })), 'meeting.organizers_only');
});

test('overdue tasks are marked by the job and shown to the chair; a task becomes a need in the needs loop', async () => {
  const m = await schedule('光明社区2月联席会议', '2026-02-06T09:00:00+08:00');
  const r = await post(secretary, `/api/meetings/${m.id}/resolutions`, {
    text: '清理楼道杂物', tasks: [{ assigneeOrgId: gridBranch, title: '清理一号楼楼道杂物', deadline: addDays(regionToday(), -3), responsible: '陈晓燕' }],
  });
  const task = r.body.resolutions[0].tasks[0] as Task;
  assert.equal(task.overdue, true, 'read time knows at once');
  assert.equal(r.body.overdueTasks, 1);
  assert.ok(await t.kernel.db.system((q) => meetings.markOverdue(q)) >= 1);
  const chair = await t.request('GET', `/api/meeting-tasks?orgId=${guangming}&overdue=true`, { cookie: secretary });
  assert.ok(chair.body.items.some((x: Task) => x.id === task.id));
  const need = await post(secretary, `/api/meeting-tasks/${task.id}/need`, { category: 'environment' });
  assert.equal(need.status, 200, need.text);
  const needs = await t.request('GET', `/api/needs?orgId=${gridBranch}&source=joint_meeting`, { cookie: secretary });
  assert.ok(needs.body.items.some((n: { id: number; title: string }) => n.id === need.body.needId && n.title === '清理一号楼楼道杂物'));
  assert.equal(code(await post(secretary, `/api/meeting-tasks/${task.id}/need`, { category: 'environment' })), 'meeting.need_made');
});

test('dissolving an organization moves its meetings whole (approved minutes too) and the tasks given to it', async () => {
  const admin = await t.login('admin');
  const { old, meetingId } = await t.kernel.db.system(async (q) => {
    const parentId = (await orgs.get(q, guangming)).parentId!;
    const made = await orgs.create(q, { parentId, name: '临时社区党委', kind: 'community_committee' });
    const held = { kind: 'committee' as const, place: null, cadence: 'once' as const, status: 'held' as const, createdBy: '测试' };
    const [id, giver] = await meetings.scheduleMany(q, [
      { ...held, orgId: made.id, title: '临时社区党委会', startsAt: '2026-01-09T09:00:00+08:00' },
      { ...held, orgId: guangming, title: '光明社区党委会（交办）', startsAt: '2026-01-02T09:00:00+08:00' },
    ]);
    await meetings.minutesMany(q, [{ orgId: made.id, meetingId: id!, version: 1, body: '纪要', writtenBy: '测试', approvedBy: '测试' }]);
    const [own, given] = await meetings.resolveMany(q, [
      { orgId: made.id, meetingId: id!, agendaItemId: null, text: '决议' },
      { orgId: guangming, meetingId: giver!, agendaItemId: null, text: '交办' },
    ]);
    const task = { assigneeOrgId: made.id, unitId: null, assigneeName: made.name, deadline: '2026-02-01', responsible: '某人' };
    await meetings.taskMany(q, [
      { ...task, orgId: made.id, meetingId: id!, resolutionId: own!, title: '自办' },
      { ...task, orgId: guangming, meetingId: giver!, resolutionId: given!, title: '交办' },
    ]);
    return { old: made.id, meetingId: id! };
  });
  const refused = await post(admin, `/api/orgs/${old}/dissolve`, { on: '2026-03-01' });
  assert.equal(refused.status, 409, refused.text);
  assert.match(refused.body.error.message, /3 项会议/);
  const res = await post(admin, `/api/orgs/${old}/dissolve`, { on: '2026-03-01', transferTo: xiangyang });
  assert.equal(res.status, 200, res.text);
  const moved = (await t.request('GET', `/api/meetings/${meetingId}`, { cookie: admin })).body as Detail & { orgId: number };
  assert.equal(moved.orgId, xiangyang);
  assert.equal(moved.minutes[0]!.status, 'approved');
  const given = (await t.request('GET', `/api/meeting-tasks?orgId=${guangming}`, { cookie: admin })).body.items.find((x: Task) => x.title === '交办');
  assert.equal(given.assigneeOrgId, xiangyang);
});

test('attachments: a PDF of the minutes is kept with the meeting and served as a download; a disguised or oversized file is refused', async () => {
  const m = await post(secretary, '/api/meetings', { orgId: guangming, kind: 'committee', title: '附件测试党委会', startsAt: '2026-06-05T09:00:00+08:00' });
  assert.equal(m.status, 200, m.text);
  assert.ok(m.body.actions.includes('attach'));
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');
  const added = await post(secretary, `/api/meetings/${m.body.id}/attachments`, {
    purpose: 'minutes', name: '6月党委会纪要（签字版）.pdf', dataUrl: `data:application/pdf;base64,${pdf.toString('base64')}`,
  });
  assert.equal(added.status, 200, added.text);
  const [a] = added.body.attachments;
  assert.deepEqual({ purpose: a.purpose, name: a.name, mime: a.mime, sizeBytes: a.sizeBytes }, { purpose: 'minutes', name: '6月党委会纪要（签字版）.pdf', mime: 'application/pdf', sizeBytes: pdf.length });

  const file = await t.request('GET', `/api/meeting-attachments/${a.id}`, { cookie: secretary });
  assert.equal(file.status, 200);
  assert.equal(file.headers['content-type'], 'application/pdf');
  assert.equal(file.headers['content-disposition'], `attachment; filename*=UTF-8''${encodeURIComponent('6月党委会纪要（签字版）.pdf')}`);
  assert.equal(file.text, pdf.toString('latin1'));

  // A page claiming to be a PDF is what its bytes say: refused, by field.
  const html = await post(secretary, `/api/meetings/${m.body.id}/attachments`, {
    purpose: 'other', name: 'x.pdf', dataUrl: `data:application/pdf;base64,${Buffer.from('<script>alert(1)</script>').toString('base64')}`,
  });
  assert.equal(code(html), 'meeting.file_format');
  assert.equal(html.body.error.fieldCodes.dataUrl, 'meeting.file_format');
  const big = await post(secretary, `/api/meetings/${m.body.id}/attachments`, {
    purpose: 'other', name: 'big.pdf', dataUrl: `data:application/pdf;base64,${Buffer.concat([pdf, Buffer.alloc(5 * 1024 * 1024)]).toString('base64')}`,
  });
  assert.equal(code(big), 'meeting.file_too_large');
  // The liaison of a unit not invited, and another community: the meeting and its files are out of their reach.
  assert.equal((await post(liaison, `/api/meetings/${m.body.id}/attachments`, { purpose: 'other', name: 'l.pdf', dataUrl: `data:application/pdf;base64,${pdf.toString('base64')}` })).status, 404);
  assert.equal((await t.request('GET', `/api/meeting-attachments/${a.id}`, { cookie: await t.login('xiangyang') })).status, 404);

  // Once the unit is invited, its liaison reads the papers and downloads them; filing them stays the organizers'.
  assert.equal((await post(secretary, `/api/meetings/${m.body.id}/invitees`, { unitIds: [unit.tax] })).status, 200);
  const seen = await t.request('GET', `/api/meetings/${m.body.id}`, { cookie: liaison });
  assert.equal(seen.status, 200, seen.text);
  assert.deepEqual(seen.body.attachments.map((x: { id: number }) => x.id), [a.id]);
  assert.ok(!seen.body.actions.includes('attach'));
  const download = await t.request('GET', `/api/meeting-attachments/${a.id}`, { cookie: liaison });
  assert.equal(download.status, 200);
  assert.equal(download.text, pdf.toString('latin1'));
  assert.notEqual((await post(liaison, `/api/meetings/${m.body.id}/attachments`, { purpose: 'other', name: 'l.pdf', dataUrl: `data:application/pdf;base64,${pdf.toString('base64')}` })).status, 200);
});

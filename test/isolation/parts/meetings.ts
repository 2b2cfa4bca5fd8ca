import type { IsolationPart } from './types.ts';

// Planted as rows (the services ask the caller's roles, which the plant has none of).
export const meetingsPart: IsolationPart = {
  plant: async (q, b) => {
    const one = async (sql: string, params: unknown[]) => (await q.query<{ id: number }>(`${sql} RETURNING id`, params))[0]!.id;
    const meetingId = await one(
      `INSERT INTO meetings (org_id, kind, title, starts_at, cadence, created_by) VALUES ($1, 'joint', $2, '2026-01-09T09:00:00+08:00', 'monthly', $3)`,
      [b.communityId, `${b.tag}联席会议`, `${b.tag}社区`],
    );
    const inviteeId = await one(`INSERT INTO meeting_invitees (org_id, meeting_id, unit_id, name) VALUES ($1, $2, $3, $4)`, [b.communityId, meetingId, b.unitId, `${b.tag}单位`]);
    const minutesId = await one(
      `INSERT INTO meeting_minutes (org_id, meeting_id, version, body, written_by) VALUES ($1, $2, 1, $3, $3)`, [b.communityId, meetingId, `${b.tag}纪要`],
    );
    const resolutionId = await one(`INSERT INTO meeting_resolutions (org_id, meeting_id, text) VALUES ($1, $2, $3)`, [b.communityId, meetingId, `${b.tag}决议`]);
    const taskId = await one(
      `INSERT INTO meeting_tasks (org_id, meeting_id, resolution_id, unit_id, assignee_name, title, deadline, responsible)
       VALUES ($1, $2, $3, $4, $5, $6, current_date + 365, $5)`,
      [b.communityId, meetingId, resolutionId, b.unitId, `${b.tag}单位`, `${b.tag}任务`],
    );
    const attachmentId = await one(
      `INSERT INTO meeting_attachments (org_id, meeting_id, purpose, name, mime, content, uploaded_name) VALUES ($1, $2, 'minutes', $3, 'application/pdf', $4, $3)`,
      [b.communityId, meetingId, `${b.tag}纪要.pdf`, Buffer.from(`%PDF-1.4 ${b.tag}`)],
    );
    return { meetingId, inviteeId, minutesId, taskId, attachmentId };
  },
  writes: {
    'POST /api/meetings': (t) => [{ body: { orgId: t.orgId, kind: 'joint', title: '越权会议', startsAt: '2026-03-06T09:00:00+08:00' } }],
    'PATCH /api/meetings/:meetingId': () => [{ body: { title: '越权' } }, { body: { status: 'cancelled' } }],
    'POST /api/meetings/:meetingId/invitees': (t) => [{ body: { unitIds: [t.unitId] } }, { body: { personIds: [t.personId] } }],
    'POST /api/meetings/:meetingId/agenda': () => [{ body: { title: '越权议题' } }],
    'POST /api/meetings/:meetingId/attachments': () => [{ body: { purpose: 'other', name: '越权.pdf', dataUrl: `data:application/pdf;base64,${Buffer.from('%PDF-1.4 越权').toString('base64')}` } }],
    'POST /api/meeting-invitees/:inviteeId/answer': () => [{ body: { response: 'declined' } }],
    'POST /api/meeting-invitees/:inviteeId/attendance': () => [{ body: { attendance: 'absent' } }],
    'POST /api/meetings/:meetingId/minutes': () => [{ body: { body: '越权纪要' } }],
    'PATCH /api/meeting-minutes/:minutesId': () => [{ body: { body: '越权' } }],
    'POST /api/meeting-minutes/:minutesId/approve': () => [{}],
    'POST /api/meetings/:meetingId/resolutions': (t) => [{ body: { text: '越权决议', tasks: [{ unitId: t.unitId, title: '越权', deadline: '2026-04-01', responsible: '某人' }] } }],
    'POST /api/meeting-tasks/:taskId/accept': () => [{}],
    'POST /api/meeting-tasks/:taskId/progress': () => [{ body: { note: '越权' } }],
    'POST /api/meeting-tasks/:taskId/complete': () => [{ body: { evidence: '越权' } }],
    'POST /api/meeting-tasks/:taskId/need': () => [{ body: { category: 'environment' } }],
  },
  digest: ['meetings', 'meeting_invitees', 'meeting_agenda_items', 'meeting_minutes', 'meeting_resolutions', 'meeting_tasks', 'meeting_task_reports', 'meeting_attachments']
    .map((table) => `SELECT t::text FROM ${table} t WHERE org_id IN (SELECT id FROM o)`),
};

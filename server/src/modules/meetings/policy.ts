import type { Verdicts } from '../../kernel/actions.ts';
import { ADMIN_ROLES, SUBTREE_ROLES, hasRoleAt, type Scope } from '../../kernel/scope.ts';
import { E } from './errors.ts';
import {
  INVITEE_ACTIONS, MEETING_ACTIONS, MEETING_LIST_ACTIONS, MEETING_STATUSES, TASK_ACTIONS, TASK_STATUSES,
  type InviteeAction, type MeetingAction, type MeetingListAction, type MeetingStatus, type MinutesAction, type MinutesStatus, type TaskAction, type TaskStatus,
} from './schema.ts';

// Who organizes a meeting: the secretary or administrators of its
// organization, asked there (a grid worker keeps grids, not committees).
// Who answers an invitation: the seat's holder, or the liaison of the invited
// unit. Who works a task: the liaison of the unit it went to, or staff of the
// organization it went to. Which rows anyone reaches at all is row-level
// security (migration 0340).

export const isOrganizerAt = (scope: Scope, orgPath: string | null) => hasRoleAt(scope, ADMIN_ROLES, orgPath);

/** The liaison of a unit: the grant names the unit itself. */
const liaisonOf = (scope: Scope, unitId: number | null) => unitId !== null && scope.grants.some((g) => g.role === 'unit_liaison' && g.unitId === unitId);

export function listVerdicts(scope: Scope, orgPath: string | null): Verdicts<MeetingListAction> {
  return { create: isOrganizerAt(scope, orgPath) ? null : () => E.organizers_only({ action: MEETING_LIST_ACTIONS.term('create') }) };
}

export function meetingVerdicts(scope: Scope, m: { orgPath: string | null; status: MeetingStatus }): Verdicts<MeetingAction> {
  const organizer = isOrganizerAt(scope, m.orgPath);
  const verdict = (a: MeetingAction) => {
    if (!organizer) return () => E.organizers_only({ action: MEETING_ACTIONS.term(a) });
    // A cancelled meeting can still be rescheduled (edit); nothing else happens at it.
    if (m.status === 'cancelled' && a !== 'edit') return () => E.closed({ status: MEETING_STATUSES.term(m.status), action: MEETING_ACTIONS.term(a) });
    return null;
  };
  return Object.fromEntries(MEETING_ACTIONS.values.map((a) => [a, verdict(a)])) as Verdicts<MeetingAction>;
}

export function inviteeVerdicts(
  scope: Scope,
  i: { unitId: number | null; userId: number | null; orgPath: string | null; meetingStatus: MeetingStatus },
): Verdicts<InviteeAction> {
  const self = liaisonOf(scope, i.unitId) || (i.userId !== null && i.userId === scope.userId);
  return {
    answer: !self ? () => E.not_invitee()
      : i.meetingStatus !== 'scheduled' ? () => E.closed({ status: MEETING_STATUSES.term(i.meetingStatus), action: INVITEE_ACTIONS.term('answer') })
      : null,
    recordAttendance: meetingVerdicts(scope, { orgPath: i.orgPath, status: i.meetingStatus }).recordAttendance,
  };
}

export function minutesVerdicts(scope: Scope, m: { orgPath: string | null; status: MinutesStatus }): Verdicts<MinutesAction> {
  const organizer = isOrganizerAt(scope, m.orgPath);
  const verdict = (action: { zh: string; en: string }) =>
    !organizer ? () => E.organizers_only({ action }) : m.status === 'approved' ? () => E.minutes_approved() : null;
  return { edit: verdict({ zh: '修改会议纪要', en: 'edit minutes' }), approve: verdict({ zh: '审定会议纪要', en: 'approve minutes' }) };
}

export interface TaskPlace {
  orgPath: string | null;
  assigneePath: string | null;
  unitId: number | null;
  status: TaskStatus;
  needId: number | null;
}

/** The assignee: the liaison of the unit, or staff of the organization the task went to. */
export const isAssignee = (scope: Scope, t: Pick<TaskPlace, 'assigneePath' | 'unitId'>) =>
  t.unitId !== null ? liaisonOf(scope, t.unitId) : hasRoleAt(scope, SUBTREE_ROLES, t.assigneePath);

const STEPS_FROM: Record<Exclude<TaskAction, 'createNeed'>, TaskStatus[]> = {
  accept: ['assigned'],
  report: ['accepted', 'in_progress'],
  complete: ['accepted', 'in_progress'],
};

export function taskVerdicts(scope: Scope, t: TaskPlace): Verdicts<TaskAction> {
  const assignee = isAssignee(scope, t);
  const step = (a: Exclude<TaskAction, 'createNeed'>) =>
    !assignee ? () => E.not_assignee({ step: TASK_ACTIONS.term(a) })
      : !STEPS_FROM[a].includes(t.status) ? () => E.task_step({ status: TASK_STATUSES.term(t.status), step: TASK_ACTIONS.term(a) })
      : null;
  // The need is raised where the task is worked: the assignee organization, or for a unit the meeting's own.
  const needAt = t.unitId !== null ? t.orgPath : t.assigneePath;
  return {
    accept: step('accept'),
    report: step('report'),
    complete: step('complete'),
    createNeed: !hasRoleAt(scope, SUBTREE_ROLES, needAt) ? () => E.need_staff_only()
      : t.needId !== null ? () => E.need_made()
      : t.status === 'done' ? () => E.task_step({ status: TASK_STATUSES.term(t.status), step: TASK_ACTIONS.term('createNeed') })
      : null,
  };
}

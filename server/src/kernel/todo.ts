import type { Queryable } from './db.ts';
import type { Scope } from './scope.ts';
import { defineVocabulary } from './vocabulary.ts';

/**
 * What the home page (今日待办) lists: each module says what waits on the
 * caller among its own records, and the home module asks every module's
 * source and imports none of them (a registry like orgs' figures).
 * Listed in this order on the home page, overdue work first within a kind.
 */
export const TODO_KINDS = defineVocabulary('TodoKind', [
  { value: 'visit_overdue', zh: '逾期走访', en: 'Overdue visit', color: 'red' },
  { value: 'visit_due', zh: '今日走访', en: 'Visit due', color: 'orange' },
  { value: 'reportin_to_accept', zh: '待接收的双报到', en: 'Report-ins to accept', color: 'gold' },
  { value: 'member_unreported', zh: '尚未报到的党员', en: 'Members not yet reported', color: 'gold' },
  { value: 'booking_to_approve', zh: '待审批的预约', en: 'Bookings to approve', color: 'gold' },
  { value: 'meeting_task', zh: '会议任务', en: 'Meeting task', color: 'purple' },
  { value: 'need_to_check', zh: '待验收的需求', en: 'Needs to check', color: 'gold' },
  { value: 'next_activity', zh: '下一场活动', en: 'Next activity', color: 'blue' },
  { value: 'commitment_to_sign', zh: '待签的承诺', en: 'Commitment to sign', color: 'gold' },
  { value: 'commitment_open', zh: '履行中的承诺', en: 'Commitment in force', color: 'green' },
  { value: 'duty_post', zh: '我的岗位', en: 'My duty post', color: 'cyan' },
  { value: 'wish_claimed', zh: '我认领的心愿', en: 'Wish I claimed', color: 'cyan' },
  { value: 'my_need', zh: '我的诉求', en: 'My request', color: 'blue' },
  { value: 'can_join', zh: '可报名的活动', en: 'Activities open to join', color: 'green' },
]);
export type TodoKind = (typeof TODO_KINDS.values)[number];

export interface TodoItem {
  kind: TodoKind;
  /** As typed by whoever named the record; the web renders it as text. */
  title: string;
  /** How many records wait behind the item (a list to work through), or null for one record. */
  count: number | null;
  /** The region's date it is due on, where it has one. */
  dueOn: string | null;
  overdue: boolean;
  /** The web page that acts on it, with its URL filters. */
  link: string;
}

/** A module's to-do items for the caller, read as the caller (row-level security applies). */
export type TodoSource = (q: Queryable, scope: Scope) => Promise<TodoItem[]>;

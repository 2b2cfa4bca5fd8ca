import type { Verdicts } from '../../kernel/actions.ts';
import { ADMIN_ROLES, SUBTREE_ROLES, hasRoleAt, type Scope } from '../../kernel/scope.ts';
import { E } from './errors.ts';
import { AUDIENCES, SIGNUP_STATUSES, type ActivityAction, type ActivityListAction, type Audience, type SignupAction, type SignupStatus } from './schema.ts';

// What a role may do with activities, asked at the organization of the
// record (or the one it is created under): roles held elsewhere do not
// count. Each activity and sign-up carries what the caller may do to it (its
// `actions`, from the verdicts below), and the routes refuse the rest with the
// same verdicts. Which activities, sign-ups and records a caller reaches is
// row-level security.

const organizerAt = (scope: Scope, orgPath: string | null) => hasRoleAt(scope, SUBTREE_ROLES, orgPath);

/** Staff of the organization tree organize activities and keep attendance (grid workers too). */
export function ensureOrganizer(scope: Scope, orgPath: string | null): void {
  if (!organizerAt(scope, orgPath)) throw E.organizers_only();
}

export function listVerdicts(scope: Scope, orgPath: string | null): Verdicts<ActivityListAction> {
  return { create: organizerAt(scope, orgPath) ? null : E.organizers_only };
}

/** Kinds of activity and service certificates are the administrators'. */
export function ensureActivityAdmin(scope: Scope, orgPath: string | null): void {
  if (!hasRoleAt(scope, ADMIN_ROLES, orgPath)) throw E.admins_only();
}

/** A calendar feed address is made by the account's owner only: it is their secret. */
export function ensureSelf(scope: Scope, userId: number): void {
  if (scope.userId !== userId) throw E.own_feed_only();
}

/** An activity as its verdicts read it. */
export interface ActivityFacts {
  orgId: number;
  orgPath: string | null;
  status: 'open' | 'cancelled';
  startsAt: string;
  endsAt: string;
  audience: string[];
  mySignup: { status: SignupStatus; checkedOutAt: string | null } | null;
}

/** Who the caller is as a participant: their person file, and the organizations where their report-in was accepted. */
export interface Joiner {
  person: { isMember: boolean } | null;
  reportedAt: ReadonlySet<number>;
}

function mayJoin(a: ActivityFacts, j: Joiner): boolean {
  const p = j.person;
  if (!p) return false;
  if (p.isMember && a.audience.includes('members')) return true;
  if (!p.isMember && a.audience.includes('residents')) return true;
  return p.isMember && a.audience.includes('reported_members') && j.reportedAt.has(a.orgId);
}

const STEPS = {
  cancelSignup: { zh: '取消报名', en: 'cancel it' },
  checkOut: { zh: '签退', en: 'check out' },
  confirm: { zh: '确认出勤', en: 'confirm attendance' },
  leave: { zh: '记为请假', en: 'record leave' },
  absent: { zh: '记为缺席', en: 'record an absence' },
} as const;

/** The organizer's steps (at the activity's organization), then the participant's own, given the activity's time. */
export function activityVerdicts(scope: Scope, a: ActivityFacts, j: Joiner, now = new Date()): Verdicts<ActivityAction> {
  const organizer = organizerAt(scope, a.orgPath);
  const [started, ended] = [new Date(a.startsAt) <= now, new Date(a.endsAt) < now];
  const mine = a.mySignup;
  const live = a.status === 'cancelled' ? E.cancelled : null;
  const inStatus = (step: keyof typeof STEPS) => () => E.signup_in_status({ status: SIGNUP_STATUSES.term(mine!.status), step: STEPS[step] });
  const signUp = () => {
    if (live) return live;
    if (ended) return E.ended;
    if (!j.person) return E.no_person;
    if (!mayJoin(a, j)) {
      const terms = a.audience.filter((x): x is Audience => AUDIENCES.has(x)).map((x) => AUDIENCES.term(x));
      return () => E.not_in_audience({ audience: { zh: terms.map((t) => t.zh).join('、'), en: terms.map((t) => t.en).join(', ') } });
    }
    if (mine && mine.status !== 'cancelled') return E.already_signed_up;
    return null;
  };
  const cancelSignup = () => {
    if (!mine) return E.not_signed_up;
    if (mine.status !== 'signed_up' && mine.status !== 'waitlisted') return inStatus('cancelSignup');
    return started ? E.started : null;
  };
  const checkOut = () => {
    if (!mine) return E.not_signed_up;
    if (mine.status !== 'attended') return inStatus('checkOut');
    return mine.checkedOutAt ? E.checked_out : null;
  };
  return {
    reschedule: !organizer ? E.organizers_only : (live ?? (started ? E.started : null)),
    cancel: !organizer ? E.organizers_only : (live ?? (ended ? E.ended : null)),
    showCode: organizer ? null : E.organizers_only,
    signUp: signUp(),
    cancelSignup: cancelSignup(),
    checkOut: checkOut(),
  };
}

/** What the organizer may record of a sign-up: attendance once the activity has started, leave before it ends, absence once it has started. */
export function signupVerdicts(scope: Scope, s: { status: SignupStatus }, a: Pick<ActivityFacts, 'orgPath' | 'startsAt' | 'endsAt'>, now = new Date()): Verdicts<SignupAction> {
  if (!organizerAt(scope, a.orgPath)) return { confirm: E.organizers_only, leave: E.organizers_only, absent: E.organizers_only };
  const [started, ended] = [new Date(a.startsAt) <= now, new Date(a.endsAt) < now];
  const inStatus = (step: SignupAction) => () => E.signup_in_status({ status: SIGNUP_STATUSES.term(s.status), step: STEPS[step] });
  const open = s.status === 'signed_up' || s.status === 'waitlisted';
  return {
    confirm: !started ? () => E.not_started({ step: STEPS.confirm }) : s.status === 'cancelled' || s.status === 'leave' ? inStatus('confirm') : null,
    leave: !open ? inStatus('leave') : ended ? E.ended : null,
    absent: !open ? inStatus('absent') : !started ? () => E.not_started({ step: STEPS.absent }) : null,
  };
}

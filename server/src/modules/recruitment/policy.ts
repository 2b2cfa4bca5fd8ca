import type { Verdicts } from '../../kernel/actions.ts';
import { SUBTREE_ROLES, hasRoleAt, type Scope } from '../../kernel/scope.ts';
import { E } from './errors.ts';
import { STAGES, type RecruitmentAction, type RecruitmentListAction, type Stage } from './schema.ts';

// The party organizations' staff keep the recruitment records, asked at the
// record's organization (a role held elsewhere does not count); an applicant
// only withdraws their own application. Which records they reach is
// row-level security. A record lists the actions these verdicts allow, and
// the service refuses the rest with the same verdict.

/** What the verdicts read of a record: where it belongs, whose it is, how far it got. */
export interface RecruitmentFacts {
  orgPath: string | null;
  own: boolean;
  stage: Stage;
  nextStage: Stage | null;
  withdrawnOn: string | null;
}

const staffAt = (scope: Scope, orgPath: string | null) => hasRoleAt(scope, SUBTREE_ROLES, orgPath);
const admitted = (stage: Stage) => stage === 'probationary' || stage === 'full';

export function recruitmentVerdicts(scope: Scope, r: RecruitmentFacts): Verdicts<RecruitmentAction> {
  const staff = staffAt(scope, r.orgPath) ? null : () => E.staff_only();
  // An ended record is refused beside the field the step would change.
  const ended = (field: string) => (r.withdrawnOn ? () => E.ended().on(field) : null);
  return {
    advance: staff ?? ended('stage') ?? (r.nextStage === null ? () => E.completed() : null),
    sponsors: staff ?? ended('sponsorIds') ?? (admitted(r.stage) ? () => E.sponsors_fixed() : null),
    notice: staff ?? ended('startsOn') ?? (r.stage === 'candidate' || r.stage === 'probationary' ? null : () => E.notice_stage()),
    withdraw:
      (staffAt(scope, r.orgPath) || r.own ? null : () => E.own_only()) ??
      ended('reason') ??
      (admitted(r.stage) ? () => E.admitted({ stage: STAGES.term(r.stage) }) : null),
  };
}

/** Staff of the record's organization end an application for the branch; anyone else only withdraws their own. */
export const withdrawnBy = (scope: Scope, orgPath: string | null): 'applicant' | 'branch' => (staffAt(scope, orgPath) ? 'branch' : 'applicant');

/** Registering an applicant at an organization (its path; null where out of sight): its staff. */
export const listVerdicts = (scope: Scope, orgPath: string | null): Verdicts<RecruitmentListAction> => ({
  create: staffAt(scope, orgPath) ? null : () => E.staff_only(),
});

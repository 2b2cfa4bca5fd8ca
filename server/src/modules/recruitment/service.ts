import type { FieldCipher } from '../../kernel/crypto.ts';
import type { Queryable } from '../../kernel/db.ts';
import { notFound } from '../../kernel/errors.ts';
import { E, RECRUITMENT } from './errors.ts';
import { conditions } from '../../kernel/sql.ts';
import * as orgs from '../orgs/service.ts';
import * as people from '../people/service.ts';
import { allowed, ensureAllowed } from '../../kernel/actions.ts';
import type { Scope } from '../../kernel/scope.ts';
import { recruitmentVerdicts, type RecruitmentFacts } from './policy.ts';
import { RECRUITMENT_ACTIONS, STAGES, STAGE_ORDER, type Recruitment, type RecruitmentAction, type Stage } from './schema.ts';

// The recruitment pipeline. The order of stages, the days between them, the
// sponsors and the public notice are held by the table's constraints and its
// trigger (migration 0018); this checks first what it can name better
// (which person, which sponsor) and moves the person's member file along.

interface Row {
  id: number;
  org_id: number;
  org_name: string | null;
  person_id: number;
  person_name: string | null;
  stage: Stage;
  applied_on: string;
  activist_on: string | null;
  candidate_on: string | null;
  probationary_on: string | null;
  full_on: string | null;
  sponsors: { id: number; name: string }[];
  notice_starts_on: string | null;
  notice_ends_on: string | null;
  withdrawn_on: string | null;
  withdrawn_by: 'applicant' | 'branch' | null;
  withdrawal_reason: string | null;
}

// An applicant reading their own record may not see the branch's row: its name comes from the directory.
const SELECT = `SELECT r.id, r.org_id, coalesce(o.name, (SELECT d.name FROM gj_org_directory() d WHERE d.id = r.org_id)) AS org_name, r.person_id, p.name AS person_name, r.stage, r.applied_on::text,
       r.activist_on::text, r.candidate_on::text, r.probationary_on::text, r.full_on::text,
       coalesce((SELECT json_agg(json_build_object('id', s.id, 'name', s.name) ORDER BY s.id = r.sponsor2_id)
                   FROM person_labels s WHERE s.id IN (r.sponsor1_id, r.sponsor2_id)), '[]') AS sponsors,
       r.notice_starts_on::text, r.notice_ends_on::text, r.withdrawn_on::text, r.withdrawn_by, r.withdrawal_reason
  FROM recruitments r
  LEFT JOIN org_labels o ON o.id = r.org_id
  LEFT JOIN person_labels p ON p.id = r.person_id`;

const nextOf = (stage: Stage): Exclude<Stage, 'applicant'> | null =>
  (STAGE_ORDER[STAGE_ORDER.indexOf(stage) + 1] as Exclude<Stage, 'applicant'> | undefined) ?? null;

const toRecruitment = (r: Row): Recruitment => ({
  id: r.id,
  orgId: r.org_id,
  orgName: r.org_name,
  personId: r.person_id,
  personName: r.person_name,
  stage: r.stage,
  stageLabel: STAGES.labels[r.stage],
  appliedOn: r.applied_on,
  activistOn: r.activist_on,
  candidateOn: r.candidate_on,
  probationaryOn: r.probationary_on,
  fullOn: r.full_on,
  sponsors: r.sponsors,
  noticeStartsOn: r.notice_starts_on,
  noticeEndsOn: r.notice_ends_on,
  nextStage: r.withdrawn_on ? null : nextOf(r.stage),
  withdrawnOn: r.withdrawn_on,
  withdrawnBy: r.withdrawn_by,
  withdrawalReason: r.withdrawal_reason,
});

export async function get(q: Queryable, id: number): Promise<Recruitment> {
  const [row] = await q.query<Row>(`${SELECT} WHERE r.id = $1`, [id]);
  if (!row) throw notFound(RECRUITMENT);
  return toRecruitment(row);
}

/** Where each record stands for the caller: its organization's path (null where out of sight) and whether it is their own application. */
async function factsOf(q: Queryable, scope: Scope, items: Recruitment[]): Promise<Map<number, RecruitmentFacts>> {
  const paths = await q.query<{ id: number; path: string | null }>(
    `SELECT r.id, o.path::text AS path FROM recruitments r LEFT JOIN org_labels o ON o.id = r.org_id WHERE r.id = ANY ($1::bigint[])`,
    [items.map((r) => r.id)],
  );
  const own = await people.ownFileIds(q, scope.userId);
  const pathOf = new Map(paths.map((p) => [Number(p.id), p.path]));
  return new Map(items.map((r) => [r.id, { orgPath: pathOf.get(r.id) ?? null, own: own.has(r.personId), stage: r.stage, nextStage: r.nextStage, withdrawnOn: r.withdrawnOn }]));
}

/** The records with what the caller may do to each (policy.ts). */
export async function withActions(q: Queryable, scope: Scope, items: Recruitment[]): Promise<(Recruitment & { actions: RecruitmentAction[] })[]> {
  const facts = await factsOf(q, scope, items);
  return items.map((r) => ({ ...r, actions: allowed(RECRUITMENT_ACTIONS, recruitmentVerdicts(scope, facts.get(r.id)!)) }));
}

/** Refuses an action the caller may not take on the record now, with its verdict; returns where the record stands. */
export async function ensureAction(q: Queryable, scope: Scope, id: number, action: RecruitmentAction): Promise<RecruitmentFacts> {
  const facts = (await factsOf(q, scope, [await get(q, id)])).get(id)!;
  ensureAllowed(recruitmentVerdicts(scope, facts), action);
  return facts;
}

export async function list(q: Queryable, f: { orgId?: number; stage?: Stage }): Promise<{ total: number; items: Recruitment[] }> {
  const where = conditions();
  if (f.orgId !== undefined) where.add(...(await orgs.underCondition(q, f.orgId, 'r')));
  if (f.stage) where.add('r.stage = $?', f.stage);
  const rows = await q.query<Row>(`${SELECT} ${where.sql} ORDER BY r.id DESC LIMIT 500`, where.params);
  return { total: rows.length, items: rows.map(toRecruitment) };
}

async function notInFuture(q: Queryable, field: string, on: string): Promise<void> {
  const [row] = await q.query<{ future: boolean }>(`SELECT $1::date > current_date AS future`, [on]);
  if (row?.future) throw E.after_today().on(field);
}

/** A person hands in their application to a branch: they enter the pipeline as an applicant. */
export async function start(q: Queryable, input: { personId: number; orgId: number; appliedOn: string }): Promise<Recruitment> {
  const person = await people.find(q, input.personId);
  if (!person) throw E.applicant_not_found();
  if (person.isMember) throw E.already_member({ name: person.name });
  await orgs.place(q, input.orgId);
  await notInFuture(q, 'appliedOn', input.appliedOn);
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO recruitments (org_id, person_id, applied_on) VALUES ($1, $2, $3) RETURNING id`,
    [input.orgId, input.personId, input.appliedOn],
  );
  return get(q, row!.id);
}

/** Two full members vouch for the candidate (入党介绍人); fixed once the candidate is admitted. */
export async function setSponsors(q: Queryable, id: number, sponsorIds: number[]): Promise<Recruitment> {
  const r = await get(q, id);
  if (new Set(sponsorIds).size !== 2) throw E.two_sponsors();
  for (const sponsorId of sponsorIds) {
    const sponsor = await people.find(q, sponsorId);
    if (!sponsor) throw E.sponsor_not_found();
    if (sponsor.id === r.personId) throw E.sponsor_self();
    const file = await people.detail(q, sponsorId);
    if (file.memberStatus !== 'full') throw E.sponsor_not_full({ name: sponsor.name });
  }
  await q.query(`UPDATE recruitments SET sponsor1_id = $2, sponsor2_id = $3 WHERE id = $1`, [id, sponsorIds[0], sponsorIds[1]]);
  return get(q, id);
}

/** The public notice (公示) before admission (for a candidate) or before full membership (for a probationary member). */
export async function setNotice(q: Queryable, id: number, notice: { startsOn: string; endsOn: string }): Promise<Recruitment> {
  if (notice.endsOn < notice.startsOn) throw E.notice_dates();
  await q.query(`UPDATE recruitments SET notice_starts_on = $2, notice_ends_on = $3 WHERE id = $1`, [id, notice.startsOn, notice.endsOn]);
  return get(q, id);
}

/**
 * Takes the next stage on a given day. The row is updated only if it is still
 * at the stage read, so of two clerks advancing at once exactly one succeeds.
 * Admission makes the person a probationary member of the branch, full
 * membership a full member: their member file changes through the people service.
 */
export async function advance(q: Queryable, cipher: FieldCipher, id: number, step: { stage: Stage; on: string }): Promise<Recruitment> {
  const r = await get(q, id);
  if (r.nextStage === null) throw E.completed();
  if (step.stage !== r.nextStage) throw E.skipped_stage({ stage: STAGES.term(r.stage), next: STAGES.term(r.nextStage) });
  await notInFuture(q, 'on', step.on);
  const clearsNotice = step.stage === 'probationary' || step.stage === 'full';
  const moved = await q.query(
    `UPDATE recruitments SET stage = $3, ${step.stage}_on = $4${clearsNotice ? ', notice_starts_on = NULL, notice_ends_on = NULL' : ''}
      WHERE id = $1 AND stage = $2 RETURNING id`,
    [id, r.stage, step.stage, step.on],
  );
  if (!moved.length) throw E.changed_meanwhile();
  if (step.stage === 'probationary') {
    await people.update(q, cipher, r.personId, { isMember: true, memberStatus: 'probationary', joinedOn: step.on, orgId: r.orgId });
  } else if (step.stage === 'full') {
    await people.update(q, cipher, r.personId, { memberStatus: 'full' });
  }
  return get(q, id);
}

/** The caller's own applications, newest first (the "my application" page): row-level security shows an applicant only their own. */
export async function mine(q: Queryable, userId: number): Promise<{ total: number; items: Recruitment[] }> {
  const self = await people.ofAccount(q, userId);
  if (!self) return { total: 0, items: [] };
  const rows = await q.query<Row>(`${SELECT} WHERE r.person_id = $1 ORDER BY r.id DESC`, [self.id]);
  return { total: rows.length, items: rows.map(toRecruitment) };
}

/**
 * Ends an application before admission: withdrawn by the applicant, or ended
 * by the branch, which must say why. The record keeps the stage it reached.
 */
export async function withdraw(q: Queryable, id: number, by: 'applicant' | 'branch', input: { on: string; reason?: string | null }): Promise<Recruitment> {
  const r = await get(q, id);
  if (by === 'branch' && !input.reason) throw E.reason_required();
  await notInFuture(q, 'on', input.on);
  const ended = await q.query(
    `UPDATE recruitments SET withdrawn_on = $3, withdrawn_by = $2, withdrawal_reason = $4 WHERE id = $1 AND withdrawn_on IS NULL AND stage = $5 RETURNING id`,
    [id, by, input.on, input.reason || null, r.stage],
  );
  if (!ended.length) throw E.changed_meanwhile();
  return get(q, id);
}

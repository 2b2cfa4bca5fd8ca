import { allowed, allowedAtAny, ensureAllowed, viewedFrom } from '../../kernel/actions.ts';
import { mapInTurn, type Queryable } from '../../kernel/db.ts';
import { notFound } from '../../kernel/errors.ts';
import type { Scope } from '../../kernel/scope.ts';
import { conditions } from '../../kernel/sql.ts';
import { regionToday } from '../../kernel/time.ts';
import * as funds from '../funds/service.ts';
import type { VisitEntry } from '../grids/schema.ts';
import * as grids from '../grids/service.ts';
import * as needs from '../needs/service.ts';
import * as orgs from '../orgs/service.ts';
import { CADRE, CAMPAIGN, E } from './errors.ts';
import { cadreVerdicts, campaignVerdicts, listVerdicts } from './policy.ts';
import {
  CADRE_ACTIONS, CADRE_KINDS, CAMPAIGN_ACTIONS, CAMPAIGN_LIST_ACTIONS,
  type AreaKind, type AssignCadre, type Cadre, type CadreKind, type Campaign, type CampaignFigures, type CampaignListAction, type CampaignVisit, type CreateCampaign, type MyAssignment,
} from './schema.ts';

// The big visit (大走访). A campaign names its window and who covers which
// area; the visits are the grids' own records, so what it achieved is read
// from grids (households visited in the window, by the six kinds), needs
// (suggestions the visits raised, problems seen through in its grids) and
// funds (posted expenses on those needs) — counted, never typed.

interface CampaignRow {
  id: number; org_id: number; org_name: string | null; org_path: string | null; name: string; starts_on: string; ends_on: string; goal: string | null; cadres: number;
}
const CAMPAIGN_SELECT = `SELECT c.id, c.org_id, o.name AS org_name, o.path::text AS org_path, c.name, c.starts_on::text, c.ends_on::text, c.goal,
       (SELECT count(DISTINCT coalesce(k.person_id::text, k.name)) FROM campaign_cadres k WHERE k.campaign_id = c.id)::int AS cadres
  FROM visit_campaigns c LEFT JOIN org_labels o ON o.id = c.org_id`;
const stateOf = (r: { org_path: string | null; ends_on: string }) => ({ orgPath: r.org_path, endsOn: r.ends_on, today: regionToday() });
const toCampaign = (scope: Scope, r: CampaignRow): Campaign => ({
  id: r.id, orgId: r.org_id, orgName: r.org_name, name: r.name, startsOn: r.starts_on, endsOn: r.ends_on, goal: r.goal, cadres: r.cadres,
  actions: allowed(CAMPAIGN_ACTIONS, campaignVerdicts(scope, stateOf(r))),
});

interface CadreRow {
  id: number; campaign_id: number; cadre_kind: CadreKind; name: string; person_id: number | null; area_kind: AreaKind;
  grid_id: number | null; building_id: number | null; household_ids: number[]; org_path: string | null; ends_on: string;
}
const CADRE_SELECT = `SELECT k.id, k.campaign_id, k.cadre_kind, k.name, k.person_id, k.area_kind, k.grid_id, k.building_id, k.household_ids,
       o.path::text AS org_path, c.ends_on::text
  FROM campaign_cadres k JOIN visit_campaigns c ON c.id = k.campaign_id LEFT JOIN org_labels o ON o.id = k.org_id`;
const toCadre = (scope: Scope, r: CadreRow): Cadre => ({
  id: r.id, campaignId: r.campaign_id, cadreKind: r.cadre_kind, name: r.name, personId: r.person_id, areaKind: r.area_kind,
  gridId: r.grid_id, buildingId: r.building_id, householdIds: r.household_ids.map(Number),
  actions: allowed(CADRE_ACTIONS, cadreVerdicts(scope, stateOf(r))),
});

export async function list(q: Queryable, scope: Scope, f: { orgId?: number }): Promise<{ items: Campaign[]; actions: CampaignListAction[] }> {
  const w = conditions();
  if (f.orgId !== undefined) w.add(...(await orgs.underCondition(q, f.orgId, 'c')));
  const rows = await q.query<CampaignRow>(`${CAMPAIGN_SELECT} ${w.sql} ORDER BY c.ends_on DESC, c.id DESC LIMIT 200`, w.params);
  const places = viewedFrom(scope, f.orgId === undefined ? undefined : await orgs.pathIfSeen(q, f.orgId));
  return { items: rows.map((r) => toCampaign(scope, r)), actions: allowedAtAny(CAMPAIGN_LIST_ACTIONS, places, (p) => listVerdicts(scope, p)) };
}

async function campaignRow(q: Queryable, id: number): Promise<CampaignRow> {
  const [row] = await q.query<CampaignRow>(`${CAMPAIGN_SELECT} WHERE c.id = $1`, [id]);
  if (!row) throw notFound(CAMPAIGN);
  return row;
}

export async function create(q: Queryable, scope: Scope, input: CreateCampaign): Promise<Campaign> {
  ensureAllowed(listVerdicts(scope, await orgs.pathIfSeen(q, input.orgId)), 'create');
  const [id] = await createMany(q, [{ ...input, goal: input.goal ?? null }]);
  return toCampaign(scope, await campaignRow(q, id!));
}

const cadreRows = (q: Queryable, where: string, params: unknown[]) => q.query<CadreRow>(`${CADRE_SELECT} WHERE ${where} ORDER BY k.cadre_kind, k.id`, params);

/** The campaign with its cadres and its figures, as the caller can see them. */
export async function detail(q: Queryable, scope: Scope, id: number) {
  const r = await campaignRow(q, id);
  const cadres = await cadreRows(q, 'k.campaign_id = $1', [id]);
  return { ...toCampaign(scope, r), figures: await figures(q, r, cadres), cadreList: cadres.map((c) => toCadre(scope, c)) };
}

const areaOf = (cadres: Pick<CadreRow, 'grid_id' | 'building_id' | 'household_ids' | 'area_kind'>[]): grids.VisitArea => ({
  gridIds: cadres.flatMap((c) => (c.area_kind === 'grid' && c.grid_id !== null ? [c.grid_id] : [])),
  buildingIds: cadres.flatMap((c) => (c.area_kind === 'building' && c.building_id !== null ? [c.building_id] : [])),
  householdIds: cadres.flatMap((c) => c.household_ids.map(Number)),
});

async function figures(q: Queryable, c: CampaignRow, cadres: CadreRow[]): Promise<CampaignFigures> {
  const window = { from: c.starts_on, to: c.ends_on };
  const coverage = await grids.areaCoverage(q, areaOf(cadres), window);
  const solved = await needs.seenThroughInGrids(q, coverage.gridIds, window);
  const who = (k: CadreRow) => (k.person_id === null ? `n:${k.name}` : `p:${k.person_id}`);
  const distinct = (ks: CadreRow[]) => new Set(ks.map(who)).size;
  return {
    cadres: distinct(cadres),
    cadresByKind: CADRE_KINDS.values.map((kind) => ({ kind, cadres: distinct(cadres.filter((k) => k.cadre_kind === kind)) })),
    households: coverage.households, visited: coverage.visited, visits: coverage.visits, byTag: coverage.byTag,
    suggestions: coverage.needIds.length, solved: solved.length,
    spentFen: await funds.spentOn(q, 'need', [...new Set([...coverage.needIds, ...solved])]),
  };
}

/** An area must be named by its kind and lie, all of it, under the campaign's organization (and within the caller's sight). */
async function checkArea(q: Queryable, orgPath: string | null, input: AssignCadre): Promise<grids.VisitArea> {
  const area: grids.VisitArea = { gridIds: [], buildingIds: [], householdIds: [] };
  if (input.areaKind === 'grid') {
    if (input.gridId === undefined) throw E.grid_required();
    area.gridIds = [input.gridId];
  } else if (input.areaKind === 'building') {
    if (input.buildingId === undefined) throw E.building_required();
    area.buildingIds = [input.buildingId];
  } else {
    if (!input.householdIds?.length) throw E.households_required();
    area.householdIds = [...new Set(input.householdIds)];
  }
  const field = input.areaKind === 'grid' ? 'gridId' : input.areaKind === 'building' ? 'buildingId' : 'householdIds';
  const named = area.gridIds.length + area.buildingIds.length + area.householdIds.length;
  const places = await grids.areaPlaces(q, area);
  if (orgPath === null || places.length !== named || !places.every((p) => p.path === orgPath || p.path.startsWith(`${orgPath}.`))) throw E.area_outside().on(field);
  return area;
}

export async function assign(q: Queryable, scope: Scope, campaignId: number, input: AssignCadre): Promise<Cadre> {
  const c = await campaignRow(q, campaignId);
  ensureAllowed(campaignVerdicts(scope, stateOf(c)), 'assign');
  const area = await checkArea(q, c.org_path, input);
  const [id] = await assignMany(q, [{
    orgId: c.org_id, campaignId, cadreKind: input.cadreKind, name: input.name, personId: input.personId ?? null, userId: null, areaKind: input.areaKind,
    gridId: area.gridIds[0] ?? null, buildingId: area.buildingIds[0] ?? null, householdIds: area.householdIds,
  }]);
  return toCadre(scope, (await cadreRows(q, 'k.id = $1', [id]))[0]!);
}

export async function removeCadre(q: Queryable, scope: Scope, cadreId: number): Promise<void> {
  const [r] = await cadreRows(q, 'k.id = $1', [cadreId]);
  if (!r) throw notFound(CADRE);
  ensureAllowed(cadreVerdicts(scope, stateOf(r)), 'remove');
  await q.query(`DELETE FROM campaign_cadres WHERE id = $1`, [cadreId]);
}

/**
 * The cadre's own areas (their phone page): each assignment with the doors
 * to knock on, those not yet visited in the campaign first. A cadre without
 * a grant there (a reported member) sees them as well: grids publishes the
 * households of the caller's own areas, as a grid worker sees them.
 */
export async function mine(q: Queryable): Promise<MyAssignment[]> {
  const rows = await q.query<{
    id: number; campaign_id: number; campaign_name: string; starts_on: string; ends_on: string; cadre_kind: CadreKind; area_kind: AreaKind;
    grid_id: number | null; building_id: number | null; household_ids: number[];
  }>(`SELECT id, campaign_id, campaign_name, starts_on::text, ends_on::text, cadre_kind, area_kind, grid_id, building_id, household_ids FROM gj_my_campaign_cadres() LIMIT 50`);
  return mapInTurn(rows, async (r) => ({
    id: r.id, campaignId: r.campaign_id, campaignName: r.campaign_name, startsOn: r.starts_on, endsOn: r.ends_on, cadreKind: r.cadre_kind, areaKind: r.area_kind,
    households: (await grids.cadreAreaHouseholds(q, areaOf([r]), { from: r.starts_on, to: r.ends_on })).map((h) => ({
      id: h.id, gridId: h.gridId, buildingName: h.buildingName, headName: h.headName, addressMasked: h.addressMasked, tags: h.tags,
      lastVisitedOn: h.lastVisitedOn, visitedInWindow: h.visitedInWindow,
    })),
  }));
}

/**
 * A visit by a cadre to a door of their own area, on a day of its campaign
 * (grids checks both), with the suggestion heard there raised as the
 * household's need in the same transaction: a refused visit keeps no need.
 */
export async function visit(q: Queryable, scope: Scope, input: CampaignVisit): Promise<VisitEntry> {
  const { need, ...entry } = input;
  // Null where the door is not the caller's that day, which the visit then refuses.
  const needId = need ? await needs.raiseCadreSuggestion(q, { ...entry, need }) : null;
  return grids.recordCadreVisit(q, { name: scope.userName ?? '' }, entry, needId);
}

// Many rows at once (the demo; one from the routes too): one INSERT … SELECT FROM unnest per batch.

export async function createMany(q: Queryable, xs: { orgId: number; name: string; startsOn: string; endsOn: string; goal: string | null }[]): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO visit_campaigns (org_id, name, starts_on, ends_on, goal)
     SELECT o, n, s, e, g FROM unnest($1::bigint[], $2::text[], $3::date[], $4::date[], $5::text[]) WITH ORDINALITY AS x (o, n, s, e, g, i) ORDER BY i RETURNING id`,
    [xs.map((x) => x.orgId), xs.map((x) => x.name), xs.map((x) => x.startsOn), xs.map((x) => x.endsOn), xs.map((x) => x.goal)],
  );
  return rows.map((r) => r.id);
}

export interface BulkCadre {
  orgId: number; campaignId: number; cadreKind: CadreKind; name: string; personId: number | null;
  /** The cadre's account; from the person's when not given. */
  userId: number | null;
  areaKind: AreaKind; gridId: number | null; buildingId: number | null; householdIds: number[];
}

export async function assignMany(q: Queryable, xs: BulkCadre[]): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO campaign_cadres (org_id, campaign_id, cadre_kind, name, person_id, user_id, area_kind, grid_id, building_id, household_ids)
     SELECT x.o, x.c, x.k, x.n, x.p, coalesce(x.u, pl.user_id), x.a, x.g, x.b, ARRAY(SELECT jsonb_array_elements_text(x.h)::bigint)
       FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::text[], $8::bigint[], $9::bigint[], $10::jsonb[])
            WITH ORDINALITY AS x (o, c, k, n, p, u, a, g, b, h, i)
       LEFT JOIN person_labels pl ON pl.id = x.p
      ORDER BY x.i RETURNING id`,
    [
      xs.map((x) => x.orgId), xs.map((x) => x.campaignId), xs.map((x) => x.cadreKind), xs.map((x) => x.name), xs.map((x) => x.personId), xs.map((x) => x.userId),
      xs.map((x) => x.areaKind), xs.map((x) => x.gridId), xs.map((x) => x.buildingId), xs.map((x) => JSON.stringify(x.householdIds)),
    ],
  );
  return rows.map((r) => r.id);
}

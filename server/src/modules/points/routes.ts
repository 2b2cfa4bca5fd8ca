import type { FastifyInstance } from 'fastify';
import { route } from '../../kernel/http.ts';
import type { Queryable } from '../../kernel/db.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import type { Scope } from '../../kernel/scope.ts';
import { regionYear } from '../../kernel/time.ts';
import * as orgs from '../orgs/service.ts';
import { ensurePointsAdmin, pointsActions } from './policy.ts';
import {
  AddEntry, CreateRule, Entry, EntryList, EntryQuery, Redeem, Rerun, RerunResult, Rule, RuleList, RuleQuery, Spendable, SpendableQuery, Totals, TotalsQuery,
} from './schema.ts';
import * as points from './service.ts';

const tags = ['积分'];
/** Where a list without an organization filter looks for its threshold: the caller's own organization. */
const homeOrg = (scope: Scope) => scope.grants[0]!.orgId;
/** The path of the organization a list is viewed at, if one is named (null: one the caller cannot see). */
const viewedAt = async (q: Queryable, orgId: number | undefined) => (orgId === undefined ? undefined : orgs.pathIfSeen(q, orgId));

export function pointsRoutes(app: FastifyInstance, { db }: Kernel): void {
  route(app, db, {
    method: 'GET', url: '/api/points/rules', tags, summary: '积分规则（各版本）',
    querystring: RuleQuery, response: RuleList,
    handler: async ({ q, scope, query }) => ({ items: await points.rules(q, scope), actions: pointsActions(scope, await viewedAt(q, query.orgId)) }),
  });
  route(app, db, {
    method: 'POST', url: '/api/points/rules', tags, summary: '新增积分规则或规则的新版本（不追溯，已记积分须明确重算）',
    body: CreateRule, response: Rule,
    handler: async ({ q, scope, body }) => {
      ensurePointsAdmin(scope, 'setRule', await orgs.pathIfSeen(q, body.orgId));
      return points.createRule(q, scope, body);
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/points/rerun', tags, summary: '按现行规则重算一年的积分（差额记为更正，不改原记录）',
    body: Rerun, response: RerunResult,
    handler: async ({ q, scope, body }) => {
      ensurePointsAdmin(scope, 'rerun', await orgs.pathIfSeen(q, body.orgId));
      return points.rerun(q, scope.userId!, body.orgId, body.year);
    },
  });
  route(app, db, {
    method: 'GET', url: '/api/points/entries', tags, summary: '积分明细（只增不改）',
    querystring: EntryQuery, response: EntryList,
    handler: async ({ q, scope, query }) => ({ items: await points.entries(q, query), actions: pointsActions(scope, await viewedAt(q, query.orgId)) }),
  });
  route(app, db, {
    method: 'POST', url: '/api/points/entries', tags, summary: '手工加分或扣分（须选规则中的项目并说明事由）',
    body: AddEntry, response: Entry,
    handler: async ({ q, scope, body }) => {
      ensurePointsAdmin(scope, 'addEntry', await orgs.pathIfSeen(q, body.orgId));
      return points.addEntry(q, scope, body);
    },
  });
  route(app, db, {
    method: 'GET', url: '/api/points/spendable', tags, summary: '可兑换积分余额与明细（与年度所得积分分开记账）',
    querystring: SpendableQuery, response: Spendable,
    handler: ({ q, query }) => points.spendable(q, query.personId),
  });
  route(app, db, {
    method: 'POST', url: '/api/points/redemptions', tags, summary: '兑换积分（只减可兑换余额，不影响年度积分和达标）',
    body: Redeem, response: Spendable,
    handler: async ({ q, scope, body }) => {
      ensurePointsAdmin(scope, 'redeem', await orgs.pathIfSeen(q, body.orgId));
      return points.redeem(q, scope.userId!, body);
    },
  });
  route(app, db, {
    method: 'GET', url: '/api/points/totals', tags, summary: '年度积分汇总与排名，标出未达年度达标分的党员',
    querystring: TotalsQuery, response: Totals,
    handler: ({ q, scope, query }) => points.totals(q, { ...query, year: query.year ?? regionYear() }, homeOrg(scope)),
  });
}

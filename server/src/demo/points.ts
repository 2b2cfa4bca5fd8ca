import * as points from '../modules/points/service.ts';
import { demoYearStart } from './activities.ts';
import { scopeOf } from './needs.ts';
import type { DemoContext } from './types.ts';

/**
 * The points rules of the 梅河口 model (docs/domain/seed-models.md §4), set by the city
 * from the start of the demo's year: one point per activity attended, 24 a
 * year to reach the threshold. Before the activities step, so that the
 * attendance it records earns points as it is recorded.
 */
export async function pointsDemo({ q, org, user }: DemoContext): Promise<void> {
  const first = demoYearStart(Date.now());
  const asAdmin = await scopeOf(q, user('admin'));
  for (const [kind, name, value] of [
    ['attend', '参加一次活动', 1],
    ['lead', '带头组织活动', 2],
    ['bonus', '受到表彰', 3],
    ['deduction', '无故缺席', -1],
    ['threshold', '年度积分达标线', 24],
    // The points supermarket: every point earned may also be spent once, on its own ledger.
    ['spendable', '每得 1 分可兑换 1 分', 1],
  ] as const) {
    await points.createRule(q, asAdmin, { orgId: org('city'), kind, name, points: value, effectiveFrom: first });
  }
}

import * as activities from '../modules/activities/service.ts';
import * as homestudy from '../modules/homestudy/service.ts';
import * as orgs from '../modules/orgs/service.ts';
import * as people from '../modules/people/service.ts';
import { addDays, regionToday } from '../kernel/time.ts';
import { scopeOf } from './needs.ts';
import type { DemoContext } from './types.ts';

/**
 * Study delivered home (送学上门, seed 002): 光明社区 marks two elderly members
 * who cannot come to the themed party day, and sends this month's study to
 * one of them with 周志强 (the demo member), whose phone shows the task.
 */
export async function homestudyDemo(ctx: DemoContext): Promise<void> {
  const { q } = ctx;
  const secretary = await scopeOf(q, ctx.user('guangming'));
  const guangming = ctx.org('guangming');
  const month = regionToday().slice(0, 7);
  const [study] = await activities.list(q, secretary, { orgId: guangming, kind: 'party_day', from: `${month}-01`, to: addDays(`${month}-28`, 4) });
  if (!study) return;
  const deliverer = await activities.self(q, ctx.user('dangyuan'));
  const elderly = (await people.members(q, { orgIds: await orgs.subtreeIds(q, guangming) }))
    .filter((m) => m.id !== deliverer.id && m.category !== 'employed')
    .slice(0, 2);
  for (const [i, m] of elderly.entries()) {
    const h = await homestudy.markHomebound(q, secretary, { personId: m.id, reason: i === 0 ? 'elderly' : 'ill' });
    if (i === 0) await homestudy.schedule(q, secretary, h.id, { activityId: study.id, delivererPersonId: deliverer.id, dueOn: addDays(regionToday(), 3) });
  }
}

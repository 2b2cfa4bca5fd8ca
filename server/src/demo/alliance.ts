import * as alliance from '../modules/alliance/service.ts';
import { ALLIANCE_SECTIONS } from '../modules/alliance/schema.ts';
import { scopeOf } from './needs.ts';
import type { DemoContext } from './types.ts';

/**
 * The reference model's alliance page (docs/domain/seed-models.md §4, 梅河口):
 * 光明社区 shows residents everything, at /alliance/guangming, as its
 * secretary set it. Every other community has none (pages are off until a
 * community turns them on).
 */
export async function allianceDemo(ctx: DemoContext): Promise<void> {
  const secretary = await scopeOf(ctx.q, ctx.user('guangming'));
  await alliance.updatePage(ctx.q, secretary, ctx.org('guangming'), { slug: 'guangming', sections: [...ALLIANCE_SECTIONS.values] });
}

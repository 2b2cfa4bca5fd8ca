import * as people from '../modules/people/service.ts';
import { personName } from './meihekou.ts';
import type { DemoContext } from './types.ts';

/** Members kept in each of 三顺店's 13 joined unit branches (the model has 590+; the demo holds 6 each, 78 in all). */
export const SSD_BRANCH_MEMBERS = 6;

/**
 * 三顺店 (docs/domain/seed-models.md §2): the joint committee joins 13 unit
 * branches that stay under the street. Their members are kept in their own
 * branch, with their unit, and are the joint committee's too (dual identity):
 * it lists and counts them, the street counts each once.
 */
export async function peopleDemo(ctx: DemoContext): Promise<void> {
  for (let u = 1; u <= 13; u++) {
    for (let i = 0; i < SSD_BRANCH_MEMBERS; i++) {
      await people.create(ctx.q, ctx.cipher, {
        orgId: ctx.org(`ssd-u${u}-branch`), unitId: ctx.unit(`ssd-u${u}`), name: personName(3000 + u * 37 + i * 7),
        gender: i % 2 ? 'female' : 'male', isMember: true, category: 'employed',
      });
    }
  }
}

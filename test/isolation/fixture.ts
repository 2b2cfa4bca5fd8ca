import type { Database } from '../../server/src/kernel/db.ts';
import * as orgs from '../../server/src/modules/orgs/service.ts';
import * as people from '../../server/src/modules/people/service.ts';
import * as users from '../../server/src/modules/users/service.ts';
import { testCipher } from '../support/db.ts';
import { PARTS } from './parts/index.ts';
import type { Target } from './parts/types.ts';

export type { Target } from './parts/types.ts';

/**
 * The other side of the isolation tests. Each target is a community (or a
 * whole region) that the actors under test must not reach: a base of
 * organization, unit, member and account, then one entity of every kind each
 * module plants (test/isolation/parts), and the marker strings that would
 * betray a leak.
 */
async function plant(db: Database, parentId: number, tag: string, extraMarkers: string[]): Promise<Target> {
  return db.system(async (q) => {
    const community = await orgs.create(q, { parentId, name: `${tag}社区党委`, kind: 'community_committee' });
    const gridBranch = await orgs.create(q, { parentId: community.id, name: `${tag}网格党支部`, kind: 'grid_branch' });
    const unit = await orgs.createUnit(q, { orgId: community.id, name: `${tag}共建单位`, kind: 'co_building' });
    const person = await people.create(q, testCipher, {
      orgId: gridBranch.id, name: `${tag}居民`, gender: 'female', phone: '13900001111', isMember: true, category: 'employed', unitId: unit.id,
    });
    const user = await users.create(q, {
      username: `${tag === '乙方' ? 'yifang' : 'bingfang'}_sec`, displayName: `${tag}书记`, password: 'Target12345', orgId: community.id,
      grants: [{ role: 'community_secretary', orgId: community.id }],
    });
    const base = { tag, communityId: community.id, gridBranchId: gridBranch.id, unitId: unit.id, personId: person.id, userId: user.id };
    const ids: Record<string, number> = { orgId: community.id, userId: user.id, grantId: user.grants[0]!.id, personId: person.id, unitId: unit.id };
    for (const part of PARTS) Object.assign(ids, await part.plant?.(q, base));
    return { name: tag, path: community.path, orgId: community.id, gridBranchId: gridBranch.id, unitId: unit.id, personId: person.id, ids, markers: [tag, user.username, ...extraMarkers] };
  });
}

/** Community 乙方 in 和平街道 (beside the demo's 向阳), and a whole second region 丙方. */
export async function plantTargets(db: Database): Promise<{ otherStreet: Target; otherRegion: Target }> {
  const heping = await db.system(async (q) => (await orgs.search(q, '和平街道党工委', 1, 1)).items[0]!);
  const otherStreet = await plant(db, heping.id, '乙方', ['向阳社区', '胜利社区', '梅河口市中心医院', 'xiangyang']);
  const region = await db.system((q) => orgs.createRegion(q, '丙方区委'));
  const street = await db.system((q) => orgs.create(q, { parentId: region.id, name: '丙方街道党工委', kind: 'street_committee' }));
  const otherRegion = await plant(db, street.id, '丙方', ['丙方区委', '丙方街道']);
  return { otherStreet, otherRegion };
}

/** A fingerprint of everything in the targets' subtrees: it must not change. */
export async function digest(db: Database, targets: Target[]): Promise<string> {
  const rows = [...PARTS.flatMap((p) => p.digest ?? []), `SELECT 'audit:' || count(*) FROM audit_log WHERE org_id IN (SELECT id FROM o)`];
  return db.system(async (q) => {
    const [row] = await q.query<{ d: string }>(
      `WITH o AS (SELECT id FROM organizations WHERE path <@ ANY ($1::ltree[]))
       SELECT md5(coalesce(string_agg(x, '|' ORDER BY x), '')) AS d FROM (${rows.join('\n UNION ALL ')}) s (x)`,
      [targets.map((t) => t.path)],
    );
    return row!.d;
  });
}

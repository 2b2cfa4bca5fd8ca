import * as grids from '../../../server/src/modules/grids/service.ts';
import * as posts from '../../../server/src/modules/posts/service.ts';
import type { IsolationPart } from './types.ts';

export const postsPart: IsolationPart = {
  plant: async (q, b) => {
    const [grid] = await grids.listGrids(q, b.communityId);
    const [postId] = await posts.publishMany(q, [
      { orgId: b.communityId, gridId: null, kind: 'mediator', name: `${b.tag}调解岗`, duty: `${b.tag}职责`, seats: 3 },
      { orgId: grid?.branchId ?? b.communityId, gridId: grid?.id ?? null, kind: 'patrol', name: `${b.tag}巡逻岗`, duty: null, seats: 2 },
    ]);
    const [seatId] = await posts.seatMany(q, [{ orgId: b.communityId, postId: postId!, personId: b.personId, decidedBy: `${b.tag}社区` }]);
    await posts.workMany(q, [{
      orgId: b.communityId, postId: postId!, personId: b.personId, kind: 'dispute', doneOn: '2026-01-05', parties: 2, outcome: 'settled',
      note: `${b.tag}纠纷`, needId: null, serviceLogId: null, recordedBy: `${b.tag}社区`,
    }]);
    return { postId: postId!, seatId: seatId! };
  },
  writes: {
    'POST /api/posts': (t) => [{ body: { orgId: t.orgId, kind: 'patrol', name: '越权岗位', seats: 1 } }],
    'PATCH /api/posts/:postId': () => [{ body: { seats: 9 } }, { body: { status: 'closed' } }],
    'POST /api/posts/:postId/claim': () => [{}],
    'POST /api/posts/:postId/seats': (t) => [{ body: { personId: t.personId } }],
    'POST /api/post-seats/:seatId/approve': () => [{}],
    'POST /api/post-seats/:seatId/reject': () => [{}],
    'POST /api/post-seats/:seatId/release': () => [{ body: { note: '越权' } }],
    'POST /api/posts/:postId/work': (t) => [{ body: { personId: t.personId, kind: 'patrol', doneOn: '2026-01-06' } }],
  },
  digest: ['duty_posts', 'duty_post_seats', 'duty_post_work'].map((table) => `SELECT t::text FROM ${table} t WHERE org_id IN (SELECT id FROM o)`),
};

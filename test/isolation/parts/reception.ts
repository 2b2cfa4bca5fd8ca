import * as reception from '../../../server/src/modules/reception/service.ts';
import type { IsolationPart } from './types.ts';

export const receptionPart: IsolationPart = {
  plant: async (q, b) => {
    const [representativeId] = await reception.enrolMany(q, [{ orgId: b.communityId, kind: 'people_deputy', name: `${b.tag}代表`, constituency: `${b.tag}选区`, personId: null }]);
    await reception.slotMany(q, [{ orgId: b.communityId, representativeId: representativeId!, onDate: '2026-01-05', period: 'morning' }]);
    const [need] = await q.query<{ id: number }>(
      `INSERT INTO needs (org_id, kind, source, category, title, requester_name) VALUES ($1, 'request', 'reception', 'other', $2, $3) RETURNING id`,
      [b.communityId, `${b.tag}来访诉求`, `${b.tag}来访人`],
    );
    await reception.visitMany(q, [{ orgId: b.communityId, representativeId: representativeId!, visitedOn: '2026-01-05', needId: need!.id, recordedBy: `${b.tag}社区` }]);
    return { representativeId: representativeId! };
  },
  writes: {
    'POST /api/reception/representatives': (t) => [{ body: { orgId: t.orgId, kind: 'cppcc_member', name: '越权', constituency: '越权' } }],
    'POST /api/reception/representatives/:representativeId/slots': () => [{ body: { onDate: '2026-01-06', period: 'afternoon' } }],
    'POST /api/reception/visits': (t) => [{ body: { representativeId: t.ids.representativeId, visitedOn: '2026-01-05', category: 'other', title: '越权', visitorName: '越权' } }],
  },
  digest: ['reception_representatives', 'reception_duty_slots', 'reception_visits'].map((table) => `SELECT t::text FROM ${table} t WHERE org_id IN (SELECT id FROM o)`),
};

import type { IsolationPart } from './types.ts';

export const projectsPart: IsolationPart = {
  plant: async (q, b) => {
    const [row] = await q.query<{ id: number }>(`INSERT INTO projects (org_id, name) VALUES ($1, $2) RETURNING id`, [b.communityId, `${b.tag}联盟项目`]);
    await q.query(`INSERT INTO project_parties (org_id, project_id, unit_id, party_name, pledge) VALUES ($1, $2, $3, $4, '场地')`, [b.communityId, row!.id, b.unitId, `${b.tag}共建单位`]);
    return { projectId: row!.id };
  },
  writes: {
    'POST /api/projects': (t) => [{ body: { orgId: t.orgId, name: '越权项目' } }],
    'POST /api/projects/:projectId/parties': (t) => [{ body: { unitId: t.unitId, pledge: '越权' } }, { params: 'own', body: { personId: t.personId, pledge: '越权' } }],
    'POST /api/projects/:projectId/needs': (t) => [{ body: { needId: t.ids.needId } }],
    'POST /api/projects/:projectId/updates': () => [{ body: { body: '越权', progress: 50 } }],
    'POST /api/projects/:projectId/complete': () => [{ body: { outcome: '越权' } }],
    'POST /api/projects/:projectId/cancel': () => [{ body: { reason: '越权' } }],
  },
  digest: [
    'SELECT t::text FROM projects t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM project_parties t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM project_needs t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM project_updates t WHERE org_id IN (SELECT id FROM o)',
  ],
};

import type { IsolationPart } from './types.ts';

const csv = Buffer.from('姓名,身份证号,人员类型\n越权导入,11010519491231002X,居民\n').toString('base64');

export const censusPart: IsolationPart = {
  // An interrupted import (its heartbeat long past), so resuming it would be allowed to its owner.
  plant: async (q, b) => {
    const [job] = await q.query<{ id: number }>(
      `INSERT INTO census_imports (org_id, user_id, file_name, total_rows, heartbeat_at) VALUES ($1, $2, $3, 1, now() - interval '1 hour') RETURNING id`,
      [b.communityId, b.userId, `${b.tag}普查.xlsx`],
    );
    await q.query(`INSERT INTO census_rows (import_id, org_id, row_no, name, payload_enc, outcome) VALUES ($1, $2, 2, $3, 'v1:', 'pending')`, [
      job!.id,
      b.communityId,
      `${b.tag}普查人员`,
    ]);
    await q.query(`INSERT INTO census_mappings (org_id, header, field) VALUES ($1, $2, 'name')`, [b.communityId, `${b.tag}姓名`]);
    return { importId: job!.id };
  },
  writes: {
    'POST /api/census/previews': (t) => [{ body: { orgId: t.orgId, fileName: '越权.csv', file: csv } }],
    'POST /api/census/imports': (t) => [
      { body: { orgId: t.orgId, fileName: '越权.csv', file: csv } },
      // With a mapping, which is remembered for the organization imported into.
      { body: { orgId: t.orgId, fileName: '越权.csv', file: csv, columns: ['name', 'idNumber', 'kind'] } },
    ],
    'POST /api/census/imports/:importId/resume': () => [{}],
  },
  digest: [
    'SELECT t::text FROM census_imports t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM census_rows t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM census_mappings t WHERE org_id IN (SELECT id FROM o)',
  ],
};

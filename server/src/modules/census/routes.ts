import type { FastifyInstance, FastifyRequest } from 'fastify';
import { E } from './errors.ts';
import { XLSX, route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import * as orgs from '../orgs/service.ts';
import { ensureCanImport } from './policy.ts';
import { ImportRunner } from './runner.ts';
import { CreateImport, ImportJob, ImportPage, ImportParams, ImportPreview, ImportQuery, ImportRowPage, PreviewImport, RowQuery } from './schema.ts';
import * as census from './service.ts';
import { template } from './sheet.ts';

const tags = ['普查导入'];

export function censusRoutes(app: FastifyInstance, { db, cipher }: Kernel): void {
  const runner = new ImportRunner(db, cipher, (err) => app.log.error({ err }, 'census import chunk failed'));
  // A job is started once the request that staged it has committed and
  // answered: the first chunk's transaction must see the staged rows.
  const startAfter = new WeakMap<FastifyRequest, () => void>();
  app.addHook('onResponse', async (req) => startAfter.get(req)?.());
  app.addHook('onClose', () => runner.stop());

  route(app, db, {
    method: 'GET', url: '/api/census/template', tags, summary: '下载普查导入模板（Excel，含示例行和可填写的值）',
    response: 'file',
    handler: async () => ({ name: '普查导入模板.xlsx', type: XLSX, body: await template() }),
  });
  route(app, db, {
    method: 'POST', url: '/api/census/previews', tags, summary: '预览普查文件：各列的前几行和建议对应的字段（不写入）',
    body: PreviewImport, response: ImportPreview,
    handler: async ({ q, scope, body }) => {
      ensureCanImport(scope, await orgs.pathIfSeen(q, body.orgId));
      return census.preview(q, { orgId: body.orgId, fileName: body.fileName, file: Buffer.from(body.file, 'base64') });
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/census/imports', tags, summary: '上传普查名单（Excel 或 CSV），在后台分批导入',
    body: CreateImport, response: ImportJob,
    handler: async ({ q, scope, body, req }) => {
      ensureCanImport(scope, await orgs.pathIfSeen(q, body.orgId));
      const job = await census.stage(q, cipher, scope.userId!, { ...body, file: Buffer.from(body.file, 'base64') });
      if (job.status === 'running') startAfter.set(req, () => runner.start(scope, job.id));
      return job;
    },
  });
  route(app, db, {
    method: 'GET', url: '/api/census/imports', tags, summary: '普查导入批次列表',
    querystring: ImportQuery, response: ImportPage,
    handler: ({ q, query }) => census.list(q, query),
  });
  route(app, db, {
    method: 'GET', url: '/api/census/imports/:importId', tags, summary: '导入批次的进度和结果',
    params: ImportParams, response: ImportJob,
    handler: ({ q, params }) => census.get(q, params.importId),
  });
  route(app, db, {
    method: 'GET', url: '/api/census/imports/:importId/rows', tags, summary: '逐行导入结果（可只看未导入的行）',
    params: ImportParams, querystring: RowQuery, response: ImportRowPage,
    handler: ({ q, params, query }) => census.rows(q, params.importId, query),
  });
  route(app, db, {
    method: 'GET', url: '/api/census/imports/:importId/report', tags, summary: '下载导入报告（Excel：未导入的行及原因，可改正后再导入）',
    params: ImportParams, response: 'file',
    handler: async ({ q, params }) => ({ type: XLSX, ...(await census.report(q, cipher, params.importId)) }),
  });
  route(app, db, {
    method: 'POST', url: '/api/census/imports/:importId/resume', tags, summary: '继续一次中断的导入',
    params: ImportParams, response: ImportJob,
    handler: async ({ q, scope, params, req }) => {
      const job = await census.get(q, params.importId);
      ensureCanImport(scope, await orgs.pathIfSeen(q, job.orgId));
      if (job.status !== 'running') throw E.not_running({ status: { zh: job.statusLabel, en: job.status } });
      if (!job.stalled || runner.isRunning(job.id)) throw E.in_progress();
      startAfter.set(req, () => runner.start(scope, job.id));
      return job;
    },
  });
}

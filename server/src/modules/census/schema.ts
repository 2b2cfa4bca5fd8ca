import { defineVocabulary, type ValueOf } from '../../kernel/vocabulary.ts';
import { idParam, keysOf, oneOf, pageQuery, text, z } from '../../kernel/validation.ts';
import { COLUMNS } from './sheet.ts';

export const OUTCOMES = { pending: '待处理', created: '新登记', merged: '已合并', unchanged: '无变化', rejected: '未导入' } as const;
export type Outcome = keyof typeof OUTCOMES;
export const IMPORT_STATUSES = defineVocabulary('ImportStatus', [
  { value: 'running', zh: '导入中', en: 'Importing', color: 'processing' },
  { value: 'done', zh: '已完成', en: 'Done', color: 'success' },
  { value: 'failed', zh: '失败', en: 'Failed', color: 'error' },
]);
export type ImportStatus = ValueOf<typeof IMPORT_STATUSES>;

/** At most this many rows per file (the request body limit allows about as many). */
export const MAX_ROWS = 200_000;

const FIELD_KEYS = COLUMNS.map((c) => c.key);
/** What a column of the file is: a census field, or not imported. */
export const IGNORE = 'ignore';

export const PreviewImport = z.object({
  orgId: idParam('导入到的组织'),
  fileName: text('文件名', 200).regex(/\.(xlsx|csv)$/i, '文件须为 Excel（.xlsx）或 CSV（.csv）'),
  file: z.base64({ error: '文件须为 base64 编码的内容' }).min(1, '请选择文件').describe('普查文件'),
});

export const CreateImport = PreviewImport.extend({
  // Left out, the columns are read by their headers, as the organization last mapped them or by name.
  columns: z
    .array(oneOf([...FIELD_KEYS, IGNORE], '列对应的字段'))
    .max(200, '文件最多 200 列')
    .optional()
    .describe('文件各列对应的字段（按列的顺序；ignore 表示不导入）'),
  fixed: z
    .object(Object.fromEntries(COLUMNS.map((c) => [c.key, z.string().trim().max(200, `${c.header}不能超过 200 个字`).optional().describe(c.header)])))
    .optional()
    .describe('文件中没有的列：为整个文件统一填写的值'),
});

export const ImportField = z.object({ key: z.string(), label: z.string(), required: z.boolean(), note: z.string().nullable() });
export const ImportPreview = z.object({
  /** The file's columns in order, each with the field it is taken for (null: not imported) and its first cells. */
  columns: z.array(z.object({ name: z.string(), field: z.string().nullable(), samples: z.array(z.string()) })),
  fields: z.array(ImportField),
  totalRows: z.number(),
});

export const ImportJob = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  fileName: z.string(),
  status: IMPORT_STATUSES.schema,
  statusLabel: z.string(),
  totalRows: z.number(),
  doneRows: z.number(),
  created: z.number(),
  merged: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  failure: z.string().nullable(),
  /** Columns of the file that were not imported (no field was given them). */
  ignoredColumns: z.array(z.string()),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Running, but no chunk has been committed for a while: the process that ran it stopped. */
  stalled: z.boolean(),
}).meta({ id: 'ImportJob' });
export type ImportJob = z.infer<typeof ImportJob>;

export const ImportParams = z.object({ importId: idParam('导入批次') });
export const ImportQuery = z.object({ orgId: idParam('所属组织').optional(), ...pageQuery });
export const ImportPage = z.object({ total: z.number(), items: z.array(ImportJob) });

export const RowQuery = z.object({
  outcome: oneOf(keysOf(OUTCOMES), '处理结果').optional(),
  ...pageQuery,
});
export const ImportRow = z.object({
  rowNo: z.number(),
  name: z.string(),
  outcome: z.enum(['pending', 'created', 'merged', 'unchanged', 'rejected']),
  outcomeLabel: z.string(),
  field: z.string().nullable(),
  message: z.string().nullable(),
  personId: z.number().nullable(),
});
export type ImportRow = z.infer<typeof ImportRow>;
export const ImportRowPage = z.object({ total: z.number(), items: z.array(ImportRow) });

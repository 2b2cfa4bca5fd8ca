import { idParam, oneOf, pageQuery, z } from '../../kernel/validation.ts';

export const AuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorUserId: z.number().nullable(),
  actorName: z.string().nullable(),
  orgId: z.number().nullable(),
  orgName: z.string().nullable(),
  action: z.enum(['insert', 'update', 'delete']),
  entity: z.string(),
  entityId: z.number().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({ total: z.number(), items: z.array(AuditEntry) });
export const AuditQuery = z.object({
  orgId: idParam('组织').optional(),
  entity: z.string().trim().max(60).optional().describe('对象类型'),
  action: oneOf(['insert', 'update', 'delete'] as const, '操作').optional(),
  ...pageQuery,
});

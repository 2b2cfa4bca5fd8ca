import type { FastifyInstance } from 'fastify';
import { E } from './errors.ts';
import { route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { ADMIN_ROLES, hasRole } from '../../kernel/scope.ts';
import { AuditPage, AuditQuery, SecurityEventPage, SecurityEventQuery } from './schema.ts';
import * as audit from './service.ts';

export function auditRoutes(app: FastifyInstance, { db }: Kernel): void {
  route(app, db, {
    method: 'GET', url: '/api/audit', tags: ['审计日志'], summary: '审计日志（管辖范围内的每一次修改）',
    querystring: AuditQuery, response: AuditPage,
    handler: ({ q, scope, query }) => {
      if (!hasRole(scope, ADMIN_ROLES)) throw E.audit_admins_only();
      return audit.list(q, query);
    },
  });
  route(app, db, {
    method: 'GET', url: '/api/audit/security', tags: ['审计日志'], summary: '安全日志（登录、失败与锁定、查看个人信息、账号操作）',
    querystring: SecurityEventQuery, response: SecurityEventPage,
    handler: ({ q, scope, query }) => {
      if (!hasRole(scope, ADMIN_ROLES)) throw E.security_admins_only();
      return audit.securityEvents(q, query);
    },
  });
}

import { defineErrors } from '../../kernel/errors.ts';

/** The audit module's refusals (codes `audit.*`); see DEVELOPERS.md, "Errors". */
export const E = defineErrors('audit', {
  audit_admins_only: { status: 403, zh: '只有管理员可以查看审计日志', en: 'Only administrators may see the audit log' },
  security_admins_only: { status: 403, zh: '只有管理员可以查看安全日志', en: 'Only administrators may see the security log' },
});

import { registerConstraint } from '../../kernel/errors.ts';
import { defineVocabulary, type ValueOf } from '../../kernel/vocabulary.ts';
import { day, idParam, optionalText, text, z } from '../../kernel/validation.ts';
import { E } from './errors.ts';

registerConstraint('pushed_tasks_funds', 'fundsFen', E.funds_negative);

/** What kind of work a task is: 宽城's count is that 80% of what communities carry is administrative. */
export const PUSHED_TASK_NATURES = defineVocabulary('PushedTaskNature', [
  { value: 'administrative', zh: '行政性事务', en: 'Administrative', color: 'orange' },
  { value: 'public_service', zh: '公共服务', en: 'Public service', color: 'blue' },
  { value: 'self_governance', zh: '居民自治', en: 'Self-governance', color: 'green' },
]);
export type PushedTaskNature = ValueOf<typeof PUSHED_TASK_NATURES>;

export const PUSHED_TASK_STATUSES = defineVocabulary('PushedTaskStatus', [
  { value: 'active', zh: '承接中', en: 'In force', color: 'green' },
  { value: 'withdrawn', zh: '已撤回', en: 'Withdrawn', color: 'default' },
]);
export type PushedTaskStatus = ValueOf<typeof PUSHED_TASK_STATUSES>;

/** What a caller may do to a pushed task (policy.ts). */
export const PUSHED_TASK_ACTIONS = defineVocabulary('PushedTaskAction', [{ value: 'withdraw', zh: '撤回', en: 'Withdraw' }]);
export type PushedTaskAction = ValueOf<typeof PUSHED_TASK_ACTIONS>;
export const PUSHED_TASK_LIST_ACTIONS = defineVocabulary('PushedTaskListAction', [{ value: 'create', zh: '登记交办事项', en: 'Register a pushed task' }]);
export type PushedTaskListAction = ValueOf<typeof PUSHED_TASK_LIST_ACTIONS>;

export const PushedTask = z.object({
  id: z.number(),
  orgId: z.number(),
  unitId: z.number(),
  departmentName: z.string().describe('交办部门'),
  title: z.string(),
  nature: PUSHED_TASK_NATURES.schema,
  authority: z.string().nullable().describe('随事转移的权限（依据）'),
  fundsFen: z.number().nullable().describe('随事转移的经费（分）'),
  /** Posted expenses tied to the task (费随事转: what the money that followed it paid): the caller's own, the department's, and those of the communities the caller reads the task's share of. */
  spentFen: z.number().describe('已支出（分）'),
  fundSourceId: z.number().nullable(),
  /** Null where the caller cannot read the source. */
  fundSourceName: z.string().nullable(),
  withoutAuthority: z.boolean().describe('无权限随事转移'),
  withoutFunds: z.boolean().describe('无经费随事转移'),
  /** The communities it is pushed onto, those the caller reads. */
  communities: z.array(z.object({ orgId: z.number(), name: z.string(), spentFen: z.number().describe('该社区在此事项上的已支出（分）') })),
  startsOn: z.string(),
  status: PUSHED_TASK_STATUSES.schema,
  registeredBy: z.string(),
  actions: z.array(PUSHED_TASK_ACTIONS.schema),
}).meta({ id: 'PushedTask' });
export type PushedTask = z.infer<typeof PushedTask>;

export const PushedTaskFigures = z.object({
  total: z.number().describe('交办事项数'),
  administrative: z.number().describe('行政性事务数'),
  /** Percent, rounded; 0 with no tasks. */
  administrativeShare: z.number().describe('行政性事务占比（%）'),
  withoutAuthority: z.number().describe('无权限随事转移数'),
  withoutFunds: z.number().describe('无经费随事转移数'),
  fundsFen: z.number().describe('随事转移经费合计（分）'),
}).meta({ id: 'PushedTaskFigures' });
export type PushedTaskFigures = z.infer<typeof PushedTaskFigures>;

export const PushedTaskList = z.object({
  items: z.array(PushedTask),
  figures: PushedTaskFigures,
  /** The departments the caller may register a task for (the form's choice), with the organization whose funds they may name. */
  departments: z.array(z.object({ id: z.number(), name: z.string(), orgId: z.number() })),
  actions: z.array(PUSHED_TASK_LIST_ACTIONS.schema),
});

export const DepartmentPushes = z.object({
  items: z.array(PushedTaskFigures.extend({
    unitId: z.number(),
    departmentName: z.string(),
    communities: z.number().describe('承接社区次数'),
  })),
}).meta({ id: 'DepartmentPushes' });

export const PushedTaskParams = z.object({ pushedTaskId: idParam('交办事项') });
export const PushedTaskQuery = z.object({
  orgId: idParam('组织').optional(),
  unitId: idParam('交办部门').optional(),
  status: PUSHED_TASK_STATUSES.field('状态').optional(),
});
export const DepartmentQuery = z.object({ orgId: idParam('组织').optional() });

export const CreatePushedTask = z.object({
  unitId: idParam('交办部门').optional(),
  communityIds: z.array(idParam('承接社区')).max(500).optional().describe('承接社区'),
  title: text('事项名称', 100),
  nature: PUSHED_TASK_NATURES.field('事项性质'),
  authority: optionalText('随事转移的权限（依据）', 500),
  fundsFen: z.number({ error: E.funds_whole.code }).int(E.funds_whole.code).min(0, E.funds_negative.code)
    .max(1_000_000_000_000, E.funds_too_big.code).nullable().optional().describe('随事转移的经费（分）'),
  fundSourceId: idParam('经费来源').nullable().optional(),
  startsOn: day('承接日期'),
});
export type CreatePushedTask = z.infer<typeof CreatePushedTask>;

import { defineVocabulary, type ValueOf } from '../../kernel/vocabulary.ts';
import { registerConstraint } from '../../kernel/errors.ts';
import { E } from './errors.ts';
import { idParam, optionalText, text, z } from '../../kernel/validation.ts';

registerConstraint('projects_org_name_key', 'name', E.name_taken);
registerConstraint('projects_outcome', 'outcome', E.outcome_required);
registerConstraint('project_parties_unit_key', 'unitId', E.unit_already_party);
registerConstraint('project_parties_person_key', 'personId', E.person_already_party);
registerConstraint('project_needs_key', 'needId', E.need_already_in);

export const PROJECT_STATUSES = defineVocabulary('ProjectStatus', [
  { value: 'active', zh: '进行中', en: 'Active', color: 'processing' },
  { value: 'completed', zh: '已完成', en: 'Completed', color: 'success' },
  { value: 'cancelled', zh: '已终止', en: 'Stopped', color: 'default' },
]);
export type ProjectStatus = ValueOf<typeof PROJECT_STATUSES>;

/** What a caller may do to a project (its `actions`; policy.ts decides). */
export const PROJECT_RECORD_ACTIONS = defineVocabulary('ProjectAction', [
  { value: 'edit', zh: '加入参与方、纳入需求', en: 'Add parties and needs' },
  { value: 'progress', zh: '记录进展', en: 'Record progress' },
  { value: 'complete', zh: '完成', en: 'Complete' },
  { value: 'cancel', zh: '终止', en: 'Stop' },
]);
export type ProjectRecordAction = ValueOf<typeof PROJECT_RECORD_ACTIONS>;
/** What a caller may do where a list of projects is viewed. */
export const PROJECT_LIST_ACTIONS = defineVocabulary('ProjectListAction', [{ value: 'create', zh: '新建项目', en: 'New project' }]);
export type ProjectListAction = ValueOf<typeof PROJECT_LIST_ACTIONS>;

export const Project = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string().nullable(),
  name: z.string(),
  summary: z.string(),
  status: PROJECT_STATUSES.schema,
  statusLabel: z.string(),
  startedOn: z.string(),
  completedOn: z.string().nullable(),
  outcome: z.string().nullable(),
  progress: z.number(),
  partyCount: z.number(),
  needCount: z.number(),
  /** Needs of the project seen through: checked by the community, closed or rated. */
  needsClosed: z.number(),
  actions: z.array(PROJECT_RECORD_ACTIONS.schema),
}).meta({ id: 'Project' });
export type Project = z.infer<typeof Project>;
export const ProjectDetail = Project.extend({
  parties: z.array(z.object({ id: z.number(), kind: z.enum(['unit', 'member']), name: z.string(), pledge: z.string(), resourceId: z.number().nullable() })),
  needs: z.array(z.object({ id: z.number(), title: z.string(), kindLabel: z.string(), status: z.string(), statusLabel: z.string() })),
  updates: z.array(z.object({ id: z.number(), body: z.string(), progress: z.number(), author: z.string(), at: z.string() })),
});
export type ProjectDetail = z.infer<typeof ProjectDetail>;
export const ProjectList = z.object({ items: z.array(Project), actions: z.array(PROJECT_LIST_ACTIONS.schema) });
export const ProjectParams = z.object({ projectId: idParam('项目编号') });
export const ProjectQuery = z.object({ orgId: idParam('所属组织').optional() });
export const CreateProject = z.object({
  orgId: idParam('牵头组织'),
  name: text('项目名称', 60),
  summary: optionalText('项目简介', 1000),
  startedOn: z.iso.date({ error: '开始日期须为日期，格式如 2024-05-01' }).optional().describe('开始日期'),
});
export const AddParty = z.object({
  unitId: idParam('参与单位').optional(),
  personId: idParam('参与党员').optional(),
  resourceId: idParam('资源清单中的资源').optional(),
  pledge: text('认领的资源或承诺', 300).optional(),
});
export const LinkNeed = z.object({ needId: idParam('需求') });
export const AddUpdate = z.object({
  body: text('进展', 1000),
  progress: z.number({ error: '进度须为 0 到 100 的整数' }).int('进度须为 0 到 100 的整数').min(0, '进度须为 0 到 100 的整数').max(100, '进度须为 0 到 100 的整数').describe('进度'),
});
export const Complete = z.object({ outcome: text('项目成效', 1000) });
export const CancelProject = z.object({ reason: text('终止原因', 300) });

import { defineErrors } from '../../kernel/errors.ts';

/** The projects module's refusals (codes `project.*`); see DEVELOPERS.md, "Errors". */
export const E = defineErrors('project', {
  staff_only: { status: 403, zh: '只有组织部门、街道、社区和网格工作人员可以{action}', en: 'Only organization departments, streets, communities and grid workers may {action}' },
  name_taken: { status: 409, zh: '本组织已有同名项目', en: 'This organization already has a project of this name' },
  outcome_required: { status: 400, zh: '项目完成须填写成效', en: 'Completing a project needs its outcome' },
  unit_already_party: { status: 409, zh: '该单位已经是项目的参与方', en: 'This unit is already a party to the project' },
  person_already_party: { status: 409, zh: '此人已经是项目的参与方', en: 'This person is already a party to the project' },
  need_already_in: { status: 409, zh: '这件需求已经纳入本项目', en: 'This need is already part of the project' },
  closed: { status: 400, field: 'status', zh: '项目{status}，不能再修改', en: 'The project is {status} and can no longer be changed' },
  one_party: { status: 400, field: 'unitId', zh: '请选择一个参与单位或一名党员（二选一）', en: 'Choose either a unit or a member as the party' },
  party_not_found: { status: 400, zh: '参与方不存在，或不在您的管辖范围内', en: 'The party does not exist or is outside your jurisdiction' },
  resource_unavailable: { status: 400, field: 'resourceId', zh: '资源不存在、已暂停或已撤下', en: 'The resource does not exist, is paused or was withdrawn' },
  resource_not_own: { status: 400, field: 'resourceId', zh: '只能认领参与单位自己在资源清单中的资源', en: 'Only the party unit’s own listed resources can be pledged' },
  pledge_required: { status: 400, field: 'pledge', zh: '请填写认领的资源或承诺，或从资源清单中选择', en: 'Write the pledged resource or promise, or choose one from the resource list' },
  need_not_found: { status: 400, field: 'needId', zh: '需求不存在，或不在您的管辖范围内', en: 'The need does not exist or is outside your jurisdiction' },
});

export const PROJECT = { zh: '项目', en: 'Project' };

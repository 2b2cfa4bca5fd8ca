import { defineErrors } from '../../kernel/errors.ts';

/** The report-ins module's refusals (codes `reportin.*`); see DEVELOPERS.md, "Errors". */
export const E = defineErrors('reportin', {
  liaisons_only: { status: 403, zh: '只有驻区单位联络员可以为本单位党员办理报到登记', en: 'Only unit liaisons may register their unit’s members to report in' },
  issuer_withdraws: { status: 403, zh: '只有开具单位的联络员可以撤回报到登记', en: 'Only the issuing unit’s liaison may withdraw a report-in' },
  admins_receive: { status: 403, zh: '只有社区（或上级）管理员可以接收或退回报到登记', en: 'Only community (or higher) administrators may accept or return a report-in' },
  pledge_by: { status: 403, zh: '只有党员本人或社区管理员可以填写服务承诺', en: 'Only the member or a community administrator may write the service pledge' },
  already_registered: {
    status: 409,
    zh: '此党员已有报到登记（待接收或已报到），不能重复登记',
    en: 'This member already has a report-in (pending or accepted); it cannot be registered twice',
  },
  member_not_found: { status: 400, field: 'personId', zh: '党员不存在，或不在您的管辖范围内', en: 'The member does not exist or is outside your jurisdiction' },
  not_member: { status: 400, field: 'personId', zh: '{name}不是党员', en: '{name} is not a party member' },
  not_employed: { status: 400, field: 'personId', zh: '{name}不是本单位的在职党员', en: '{name} is not a member employed by your unit' },
  community_invalid: { status: 400, field: 'orgId', zh: '报到社区须为本区域内的社区党组织', en: 'The community must be a community party organization of this region' },
  not_pending: { status: 400, field: 'status', zh: '这份报到登记{status}，不能再{step}', en: 'This report-in is {status}; it can no longer be {step}' },
  pledge_before_accept: {
    status: 400,
    field: 'status',
    zh: '社区接收报到之后才能认领服务、作出承诺',
    en: 'Services can be claimed and pledges made only after the community accepts the report-in',
  },
});

export const REPORT_IN = { zh: '报到登记', en: 'Report-in' };

import { defineErrors, defineMessages } from '../../kernel/errors.ts';

/** The organizations module's refusals (codes `org.*`); see DEVELOPERS.md, "Errors". */
export const E = defineErrors('org', {
  not_admin: {
    status: 403,
    zh: '只有本组织或上级的组织部门、街道和社区管理员可以维护组织',
    en: 'Only administrators of this organization or above (organization department, street, community) may maintain it',
  },
  retired: { status: 400, zh: '{name}{status}，不能再使用', en: '{name} is {status} and can no longer be used' },
  kind_under: { status: 400, zh: '“{kind}”不能设在“{parent}”之下{allowed}', en: 'A “{kind}” cannot sit under a “{parent}”{allowed}' },
  kinds_allowed: { status: 400, zh: '（可设：{kinds}）', en: ' (allowed: {kinds})' },
  no_kinds_under: { status: 400, zh: '（{parent}之下不再设组织）', en: ' (nothing sits under a {parent})' },
  top_not_movable: { status: 400, field: 'parentId', zh: '区域的顶层组织不能移动', en: 'The top organization of a region cannot be moved' },
  move_under_self: { status: 400, field: 'parentId', zh: '不能把组织移到它自己之下', en: 'An organization cannot be moved under itself' },
  move_under_own_child: { status: 400, field: 'parentId', zh: '不能把组织移到它自己的下级之下', en: 'An organization cannot be moved under one of its own subordinates' },
  top_not_retirable: { status: 400, field: 'orgId', zh: '区域的顶层组织不能撤销或合并', en: 'The top organization of a region cannot be dissolved or merged' },
  holdings_left: {
    status: 409,
    zh: '{name}下还有 {held}，请选择转入的组织',
    en: '{name} still holds {held}; choose the organization that takes them over',
  },
  choose_receiver: { status: 409, zh: '请选择转入的组织', en: 'Choose the organization that takes them over' },
  receiver_inside: { status: 400, zh: '不能转入它自己或它的下级', en: 'Records cannot move into the organization itself or one of its subordinates' },
  name_taken: { status: 409, zh: '同一上级组织下已有同名组织', en: 'The parent organization already has an organization of this name' },
  unit_name_taken: { status: 409, zh: '该组织下已有同名单位', en: 'This organization already has a unit of this name' },
  tie_exists: { status: 409, zh: '这两方之间已有同类关系', en: 'These two already have a tie of this kind' },
  tie_self: { status: 400, field: 'toOrgId', zh: '不能与自身建立关系', en: 'An organization cannot be tied to itself' },
  tie_one_end: { status: 400, field: 'toOrgId', zh: '请选择对方组织或对方单位（二选一）', en: 'Choose either the other organization or the other unit' },
  joins_from_joint: { status: 400, field: 'kind', zh: '只有联合党委可以联建（吸收成员支部）', en: 'Only a joint committee joins member branches' },
  joins_not_branch: { status: 400, field: 'toOrgId', zh: '联合党委只能联建党支部（单位、社区或网格党组织），不能联建{kind}', en: 'A joint committee joins branches (of a unit, community or grid), not a {kind}' },
  joins_outside: { status: 400, field: 'toOrgId', zh: '{name}不在联合党委所在的{area}范围内，不能联建', en: '{name} lies outside {area}, where the joint committee sits; it cannot be joined' },
  tie_dates: { status: 400, zh: '结束日期不能早于开始日期', en: 'The end date cannot be before the start date' },
  seat_person_not_found: { status: 400, field: 'personId', zh: '人员不存在，或不在您的管辖范围内', en: 'The person does not exist or is outside your jurisdiction' },
  seat_taken: { status: 409, zh: '此人已在该委员会任职', en: 'This person already holds a seat on this committee' },
  secretary_taken: { status: 409, zh: '该组织已有在任书记', en: 'This organization already has a serving secretary' },
  seat_dates: { status: 400, zh: '离任日期不能早于任职日期', en: 'The day of leaving cannot be before the day of taking the seat' },
  seat_unit_part_time: { status: 400, field: 'fromUnitId', zh: '只有兼职委员填写来自单位', en: 'Only a part-time member names the unit they come from' },
  depth_range: { status: 400, zh: '{label}须为 1–6 的整数', en: '{label} must be a whole number from 1 to 6' },
  unit_party_org: {
    status: 400,
    zh: '单位党组织请在本区域内选择，或填写区域外的名称，二者选一',
    en: 'Choose the unit’s party organization in this region, or write the name of one outside it, not both',
  },
});

/** Records of this module, as refusals name them. */
export const ORG = { zh: '组织', en: 'Organization' };
export const UNIT = { zh: '单位', en: 'Unit' };
export const TIE = { zh: '共建关系', en: 'Tie' };
export const SEAT = { zh: '委员席位', en: 'Committee seat' };

/** What the coverage report says of a gap orgs finds, in the reader's language. */
export const GAPS = defineMessages('org', {
  gap_without_grid: { zh: '尚未建立网格党支部', en: 'No grid party branch yet' },
  gap_without_secretary: { zh: '{kind}没有在任书记', en: '{kind} without a serving secretary' },
  gap_without_tie: { zh: '{kind}未与社区党组织建立共建关系', en: '{kind} without a co-building tie to a community party organization' },
});

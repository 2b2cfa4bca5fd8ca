import { defineErrors } from '../../kernel/errors.ts';

/** The needs module's refusals (codes `need.*`); see DEVELOPERS.md, "Errors". */
export const E = defineErrors('need', {
  no_longer_dispatched: { status: 403, zh: '这件事项已不再派给本单位，不能办理', en: 'This matter is no longer dispatched to your unit' },
  building_needs_grid: { status: 400, field: 'gridId', zh: '选择楼栋时须同时选择网格', en: 'Choose the grid when choosing a building' },
  grid_outside_community: { status: 400, field: 'gridId', zh: '网格须在需求所在的社区', en: 'The grid must be in the need’s community' },
  building_outside_grid: { status: 400, field: 'buildingId', zh: '楼栋须在所选网格内', en: 'The building must be in the chosen grid' },
  contact_hidden: {
    status: 403,
    zh: '只有社区管理员和需求人本人可以查看完整的联系方式',
    en: 'Only community administrators and the requester may see the full contact details',
  },
  photo_format: { status: 400, field: 'photos', zh: '第 {n} 张照片格式不正确，须为图片文件', en: 'Photo {n} has the wrong format; it must be an image file' },
  photo_too_large: { status: 400, field: 'photos', zh: '第 {n} 张照片超过 2 MB，请压缩后再上传', en: 'Photo {n} is over 2 MB; please compress it and upload again' },
  photo_type: { status: 400, field: 'photos', zh: '第 {n} 张照片不是 JPEG、PNG 或 WebP 图片', en: 'Photo {n} is not a JPEG, PNG or WebP image' },
  too_many_photos: { status: 400, field: 'photos', zh: '每件需求的照片最多 {max} 张', en: 'A need holds at most {max} photos' },
  photo_bytes: { status: 400, zh: '每张照片不能超过 2 MB', en: 'Each photo must be at most 2 MB' },
  photo_mime: { status: 400, zh: '照片只能是 JPEG、PNG 或 WebP 图片', en: 'Photos must be JPEG, PNG or WebP images' },
  dispatch_target: {
    status: 400,
    field: 'unitId',
    zh: '承办单位须为本社区、街道或上级的驻区单位、职能部门',
    en: 'The handling unit must be a resident unit or department of this community, its street or above',
  },
  deadline_past: { status: 400, field: 'deadline', zh: '办理时限须晚于现在', en: 'The deadline must be in the future' },
  own_community_only: { status: 400, field: 'orgId', zh: '居民和党员只能向自己所在的社区提交需求', en: 'Residents and members may raise needs only at their own community' },
  requester_name: { status: 400, field: 'requesterName', zh: '请填写需求人姓名', en: 'Please fill in the requester’s name' },
  place_required: { status: 400, field: 'orgId', zh: '请选择需求所在的社区或网格', en: 'Please choose the community or grid of the need' },
  not_submitter: { status: 403, zh: '只有工作人员、居民和党员可以提交需求', en: 'Only staff, residents and members may raise needs' },
  claim_own_unit: { status: 403, zh: '只能以本单位的名义认领', en: 'You may claim only in your own unit’s name' },
  claim_members: { status: 403, zh: '只有党员本人或驻区单位联络员可以认领微心愿', en: 'Only members themselves or unit liaisons may claim wishes' },
  staff_only: {
    status: 403,
    zh: '只有组织部门、街道、社区和网格工作人员可以{action}',
    en: 'Only organization department, street, community and grid staff may {action}',
  },
  slip_not_dispatched: { status: 400, field: 'status', zh: '这件事项当前没有派出，不能打印派单', en: 'This matter is not dispatched now, so it has no dispatch slip' },
  already_claimed: { status: 409, zh: '这个心愿已被认领，请选择其他心愿', en: 'This wish is already claimed; please choose another' },
  not_claimable: { status: 400, zh: '这个心愿尚未发布到心愿池，或已经办结，不能认领', en: 'This wish is not in the wish pool or is already closed, so it cannot be claimed' },
  already_dispatched: { status: 409, zh: '这件事项已经派出，请先收回再改派', en: 'This matter is already dispatched; recall it before dispatching again' },
  evidence_required: { status: 400, zh: '办结须填写办理结果（佐证）', en: 'Closing needs the result (evidence)' },
  reject_reason: { status: 400, zh: '不予受理须说明原因', en: 'Declining needs a reason' },
  step_refused_in_status: { status: 403, zh: '这件需求当前「{status}」，您不能{step}', en: 'This need is now “{status}”; you cannot {step} it' },
  step_refused: { status: 403, zh: '您不能{step}这件需求', en: 'You cannot {step} this need' },
  step_not_allowed: { status: 400, zh: '当前状态下不能办理这一步', en: 'This step is not possible in the current status' },
});

/** Records of this module, as refusals name them. */
export const NEED = { zh: '需求', en: 'Need' };
export const PHOTO = { zh: '照片', en: 'Photo' };

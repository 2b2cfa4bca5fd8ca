import { defineVocabulary, type ValueOf } from '../../kernel/vocabulary.ts';
import { registerConstraint } from '../../kernel/errors.ts';
import { E } from './errors.ts';
import { idParam, optionalText, text, z } from '../../kernel/validation.ts';

registerConstraint('transfers_open_key', 'personId', E.already_open);
registerConstraint('transfers_not_self', 'toOrgId', E.to_itself);
registerConstraint('transfers_one_destination', 'toOrgId', E.one_destination);

export const TRANSFER_STATUSES = defineVocabulary('TransferStatus', [
  { value: 'requested', zh: '待转出方审批', en: 'Awaiting the sending side', color: 'gold' },
  { value: 'approved', zh: '待转入方接收', en: 'Awaiting the receiving side', color: 'blue' },
  { value: 'returned', zh: '退回修改', en: 'Returned for revision', color: 'orange' },
  { value: 'withdrawn', zh: '已撤回', en: 'Withdrawn', color: 'default' },
  { value: 'done', zh: '已办结', en: 'Done', color: 'green' },
]);
export type TransferStatus = ValueOf<typeof TRANSFER_STATUSES>;

/** The steps a caller may take on a transfer (policy.ts decides, for each transfer it returns). */
export const TRANSFER_ACTIONS = defineVocabulary('TransferAction', [
  { value: 'approve', zh: '审批同意', en: 'Approve' },
  { value: 'return', zh: '退回修改', en: 'Return for revision' },
  { value: 'withdraw', zh: '撤回', en: 'Withdraw' },
  { value: 'resubmit', zh: '重新提交', en: 'Resubmit' },
  { value: 'receive', zh: '接收', en: 'Receive' },
]);
export type TransferAction = ValueOf<typeof TRANSFER_ACTIONS>;
/** What a caller may do where transfers are listed. */
export const TRANSFER_LIST_ACTIONS = defineVocabulary('TransferListAction', [{ value: 'create', zh: '发起转接', en: 'Start a transfer' }]);
export type TransferListAction = ValueOf<typeof TRANSFER_LIST_ACTIONS>;

export const Transfer = z.object({
  id: z.number(),
  personId: z.number(),
  personName: z.string().nullable(),
  fromOrgId: z.number(),
  fromOrgName: z.string().nullable(),
  toOrgId: z.number().nullable(),
  toName: z.string().nullable(),
  outside: z.boolean(),
  status: TRANSFER_STATUSES.schema,
  statusLabel: z.string(),
  reason: z.string(),
  letterNo: z.string().nullable(),
  requestedOn: z.string(),
  approvedOn: z.string().nullable(),
  doneOn: z.string().nullable(),
  lastNote: z.string().nullable(),
  actions: z.array(TRANSFER_ACTIONS.schema).describe('the steps the caller may take now'),
}).meta({ id: 'Transfer' });
/** The transfer as the service reads it; the routes add the caller's actions (policy.ts). */
export type Transfer = Omit<z.infer<typeof Transfer>, 'actions'>;
export const TransferList = z.object({ items: z.array(Transfer), actions: z.array(TRANSFER_LIST_ACTIONS.schema).describe('what the caller may do where transfers are listed') });
export const TransferParams = z.object({ transferId: idParam('转接编号') });
export const TransferQuery = z.object({ status: TRANSFER_STATUSES.field('状态').optional() });
export const RequestTransfer = z.object({
  personId: idParam('党员'),
  toOrgId: idParam('转入组织').optional(),
  toOutside: optionalText('区域外的转入组织', 100),
  reason: text('转接原因', 200),
});
export const Resubmit = z.object({
  toOrgId: idParam('转入组织').optional(),
  toOutside: optionalText('区域外的转入组织', 100),
  reason: text('转接原因', 200),
});
export const ReturnTransfer = z.object({ note: text('退回原因', 200) });
export const Destinations = z.object({ items: z.array(z.object({ id: z.number(), name: z.string(), kind: z.string(), parentName: z.string().nullable() })) });
export const DestinationQuery = z.object({ q: z.string().trim().max(30).optional().describe('组织名称') });

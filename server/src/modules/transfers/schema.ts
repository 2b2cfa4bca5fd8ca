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
  /** The steps the caller may take now (the UI shows only these buttons). */
  actions: z.array(z.enum(['approve', 'return', 'withdraw', 'resubmit', 'receive'])),
}).meta({ id: 'Transfer' });
export type Transfer = z.infer<typeof Transfer>;
export const TransferList = z.object({ items: z.array(Transfer) });
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

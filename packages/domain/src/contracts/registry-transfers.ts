import { z } from 'zod';
import { AreaCode } from './common.js';

/**
 * Transfer requests (yêu cầu chuyển đến): an officer whose new resident's citizen ID is already
 * held by a record outside their area asks the holding commune to hand the person over. The
 * requester never learns where the record is; the holding commune sees the request and accepts
 * (the person moves) or refuses with a reason (docs/legal/identity.md, "No ID oracle across areas").
 */
export const TransferState = z.enum(['pending', 'accepted', 'refused']);
export type TransferState = z.infer<typeof TransferState>;

export const CreateTransferBody = z.strictObject({
  citizenId: z
    .string()
    .trim()
    .regex(/^\d{12}$/, 'Số CCCD gồm 12 chữ số'),
  /** The requester's commune the person now lives in. */
  communeCode: AreaCode,
  note: z.string().trim().max(500, 'Dài tối đa 500 ký tự').nullable().optional(),
});
export type CreateTransferBody = z.infer<typeof CreateTransferBody>;

export const DecideTransferBody = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('accept') }),
  z.strictObject({
    decision: z.literal('refuse'),
    reason: z.string().trim().min(5, 'Ghi lý do từ chối (ít nhất 5 ký tự)').max(500, 'Dài tối đa 500 ký tự'),
  }),
]);
export type DecideTransferBody = z.infer<typeof DecideTransferBody>;

/** A request as the holding commune sees it (incoming): who is asked for, and by which commune. */
export const TransferIncoming = z.object({
  id: z.number().int(),
  state: TransferState,
  citizenId: z.string(),
  personId: z.number().int(),
  fullName: z.string(),
  birthDate: z.string(),
  toCommuneCode: z.string(),
  toCommuneName: z.string(),
  note: z.string().nullable(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  refusalReason: z.string().nullable(),
});
export type TransferIncoming = z.infer<typeof TransferIncoming>;

/** A request as the requester sees it (outgoing): no holder, no area, only the answer. */
export const TransferOutgoing = z.object({
  id: z.number().int(),
  state: TransferState,
  citizenId: z.string(),
  toCommuneCode: z.string(),
  note: z.string().nullable(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  refusalReason: z.string().nullable(),
});
export type TransferOutgoing = z.infer<typeof TransferOutgoing>;

export const TransferList = z.object({
  incoming: z.array(TransferIncoming),
  outgoing: z.array(TransferOutgoing),
});
export type TransferList = z.infer<typeof TransferList>;

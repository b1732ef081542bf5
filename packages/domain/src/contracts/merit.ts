import { z } from 'zod';
import { AreaCode, IsoDate, IsoMonth, PageQuery, pageOf } from './common.js';
import { BENEFIT_DECISION_KINDS } from '../merit/records.js';
import {
  GRAVE_LOCATIONS,
  MARTYR_INFO_STATUSES,
  MATERNAL_LINE_RELATIONS,
  SAMPLE_KINDS,
  SAMPLE_OUTCOMES,
} from '../merit/remains.js';
import { GIFT_OCCASIONS, GIFT_SOURCES, HOUSING_KINDS, TRANSFER_STATUSES } from '../merit/support.js';
import { MERITORIOUS_CATEGORIES } from '../programs/gift-tables.js';

/** Contracts of the merit module (people with meritorious service, martyrs, remains, gifts). */
const text = (max: number) => z.string().trim().max(max, `Dài tối đa ${max} ký tự`);
const required = (max: number, label: string) =>
  z.string().trim().min(1, `${label} là bắt buộc`).max(max, `Dài tối đa ${max} ký tự`);
const Money = z.number().int('Số tiền là số nguyên đồng').min(0).max(10_000_000_000);
const Id = z.number().int().positive();

export const MeritCategory = z.enum(MERITORIOUS_CATEGORIES as unknown as [string, ...string[]]);

export const CreateMeritRecordBody = z.object({
  personId: Id,
  category: MeritCategory,
  degree: z.number().int().min(0).max(100).nullable().default(null),
  dossierCode: z
    .string()
    .trim()
    .regex(/^(CA-)?\d{2}\/[A-Z]{2,4}\/\d{1,7}\/\d{4}$/, 'Mã hồ sơ theo dạng Tỉnh/Loại/Số/Năm, ví dụ 70/TB/001234/2022')
    .optional(),
  dossierYear: z.number().int().min(1945).max(2100).optional(),
  custodian: text(200).default('Sở'),
  /** The procedure dossier (dossiers module) the record comes from. */
  dossierId: Id.optional(),
});
export type CreateMeritRecordBody = z.infer<typeof CreateMeritRecordBody>;
export const LinkMeritDossierBody = z.object({ dossierId: Id });

export const MeritRelativeBody = z.object({
  personId: Id.nullable().default(null),
  fullName: required(200, 'Họ tên'),
  relation: required(50, 'Quan hệ'),
});
export const MeritExtractBody = z.object({
  form: z.enum(['Mẫu 95', 'Mẫu 96', 'Mẫu 97', 'Mẫu 98', 'Mẫu 99']),
  issuedOn: IsoDate,
  issuedTo: required(200, 'Người nhận'),
});

export const BenefitDecisionBody = z.object({
  kind: z.enum(BENEFIT_DECISION_KINDS),
  effectiveMonth: IsoMonth,
  decisionNo: required(60, 'Số quyết định'),
  decisionDate: IsoDate,
  monthlyAmount: Money.default(0),
  reason: text(1000).default(''),
  dossierId: Id.nullable().default(null),
});
export type BenefitDecisionBody = z.infer<typeof BenefitDecisionBody>;

export const MeritRecordsQuery = PageQuery.extend({
  q: text(100).optional(),
  category: MeritCategory.optional(),
  communeCode: AreaCode.optional(),
});

export const MeritDecisionOut = z.object({
  id: z.number(),
  kind: z.enum(BENEFIT_DECISION_KINDS),
  effectiveMonth: z.string(),
  decisionNo: z.string(),
  decisionDate: z.string(),
  form: z.string().nullable(),
  monthlyAmount: z.number(),
  reason: z.string(),
  dossierId: z.number().nullable(),
});
export const MeritRecordOut = z.object({
  id: z.number(),
  personId: z.number(),
  fullName: z.string(),
  category: z.string(),
  degree: z.number().nullable(),
  dossierCode: z.string(),
  custodian: z.string(),
  retention: z.string(),
  state: z.string(),
  benefitState: z.string(),
  communeCode: z.string().nullable(),
  /** The procedure dossier in the dossiers module, when linked. */
  dossierId: z.number().nullable(),
});
export const MeritRecordDetail = MeritRecordOut.extend({
  relatives: z.array(
    z.object({ id: z.number(), personId: z.number().nullable(), fullName: z.string(), relation: z.string() }),
  ),
  extracts: z.array(z.object({ id: z.number(), form: z.string(), issuedOn: z.string(), issuedTo: z.string() })),
  decisions: z.array(MeritDecisionOut),
  gifts: z.array(
    z.object({ id: z.number(), campaign: z.string(), source: z.string(), amount: z.number(), givenOn: z.string() }),
  ),
  housing: z.array(
    z.object({ id: z.number(), kind: z.string(), floorArea: z.number(), amount: z.number(), decidedOn: z.string() }),
  ),
  transfers: z.array(z.lazy(() => MeritTransferOut)),
});
export const MeritRecordPage = pageOf(MeritRecordOut);

export const TransferRequestBody = z.object({
  recordId: Id,
  toProvinceCode: z.string().regex(/^\d{2}$/, 'Mã tỉnh gồm 2 chữ số'),
  requestedOn: IsoDate,
});
export const IncomingTransferBody = z.object({
  fromProvinceCode: z.string().regex(/^\d{2}$/, 'Mã tỉnh gồm 2 chữ số'),
  personName: required(200, 'Họ tên'),
  dossierCode: required(40, 'Mã hồ sơ'),
  slipNo: required(60, 'Số phiếu di chuyển'),
  slipOn: IsoDate,
  receivedOn: IsoDate,
  communeCode: AreaCode,
});
export const TransferStepBody = z.object({
  step: z.enum(['slip', 'posted', 'registered', 'returned']),
  on: IsoDate,
  slipNo: text(60).optional(),
  reason: text(1000).optional(),
  personId: Id.optional(),
});
export const MeritTransferOut = z.object({
  id: z.number(),
  recordId: z.number().nullable(),
  direction: z.enum(['out', 'in']),
  otherProvinceCode: z.string(),
  personName: z.string(),
  dossierCode: z.string(),
  state: z.enum(TRANSFER_STATUSES),
  requestedOn: z.string(),
  slipNo: z.string().nullable(),
  slipOn: z.string().nullable(),
  postedOn: z.string().nullable(),
  receivedOn: z.string().nullable(),
  registeredOn: z.string().nullable(),
  returnedOn: z.string().nullable(),
  returnReason: z.string().nullable(),
  paymentFrom: z.string().nullable(),
  clocks: z.array(z.object({ step: z.string(), due: z.string(), done: z.string().nullable(), state: z.string() })),
});

export const CemeteryBody = z.object({
  name: required(200, 'Tên nghĩa trang'),
  communeCode: AreaCode,
  level: z.enum(['province', 'district', 'commune']).default('commune'),
});
export const MartyrBody = z.object({
  fullName: text(200).default(''),
  hometown: text(300).default(''),
  birthYear: z.number().int().min(1850).max(2100).nullable().default(null),
  deathDate: IsoDate.nullable().default(null),
  deathYear: z.number().int().min(1858).max(2100).nullable().default(null),
  unit: text(300).default(''),
  communeCode: AreaCode,
  grave: z
    .object({
      cemeteryId: Id.nullable().default(null),
      location: z.enum(GRAVE_LOCATIONS),
      position: text(200).default(''),
      massGrave: z.boolean().default(false),
    })
    .optional(),
});
export type MartyrBody = z.infer<typeof MartyrBody>;
export const MartyrsQuery = PageQuery.extend({
  q: text(100).optional(),
  infoStatus: z.enum(MARTYR_INFO_STATUSES).optional(),
  cemeteryId: z.coerce.number().int().positive().optional(),
});
export const GraveOut = z.object({
  id: z.number(),
  martyrId: z.number().nullable(),
  martyrName: z.string(),
  infoStatus: z.enum(MARTYR_INFO_STATUSES),
  hometown: z.string(),
  deathYear: z.number().nullable(),
  cemeteryId: z.number().nullable(),
  cemeteryName: z.string().nullable(),
  location: z.enum(GRAVE_LOCATIONS),
  position: z.string(),
  identified: z.boolean(),
  headstone: z.string(),
  communeCode: z.string().nullable(),
});
export const GravePage = pageOf(GraveOut);
export const GraveEventBody = z.object({
  kind: z.enum(['visit', 'move']),
  onDate: IsoDate,
  personName: required(200, 'Họ tên người đề nghị'),
  supportAmount: Money.default(0),
  note: text(1000).default(''),
});

export const RemainsIntakeBody = z.object({
  team: required(200, 'Đội quy tập'),
  receivedOn: IsoDate,
  remainsCount: z.number().int().min(1).max(10_000),
  identifiedCount: z.number().int().min(0).max(10_000),
  handoverForm: z.enum(['Mẫu 81', 'Mẫu 82']).default('Mẫu 81'),
});
export const SampleBody = z.object({
  code: required(40, 'Mã mẫu'),
  kind: z.enum(SAMPLE_KINDS),
  intakeId: Id.nullable().default(null),
  graveId: Id.nullable().default(null),
  relativeName: text(200).nullable().default(null),
  relation: z.enum(MATERNAL_LINE_RELATIONS).nullable().default(null),
  receivedOn: IsoDate,
  takenOn: IsoDate,
});
export type SampleBody = z.infer<typeof SampleBody>;
export const SampleEventBody = z.object({
  kind: z.enum(['dispatch', 'result', 'return']),
  on: IsoDate,
  lab: text(200).optional(),
  outcome: z.enum(SAMPLE_OUTCOMES).optional(),
  matchedMartyrId: Id.optional(),
});
export type SampleEventBody = z.infer<typeof SampleEventBody>;
export const IdentificationBody = z.object({
  graveId: Id,
  martyrId: Id,
  sampleId: Id.nullable().default(null),
  decisionNo: required(60, 'Số quyết định (Mẫu 76)'),
  decisionOn: IsoDate,
  headstoneOn: IsoDate.nullable().default(null),
});
export const SampleOut = z.object({
  id: z.number(),
  code: z.string(),
  kind: z.enum(SAMPLE_KINDS),
  intakeId: z.number().nullable(),
  graveId: z.number().nullable(),
  relativeName: z.string().nullable(),
  relation: z.string().nullable(),
  receivedOn: z.string(),
  takenOn: z.string(),
  dispatchedOn: z.string().nullable(),
  lab: z.string().nullable(),
  resultOn: z.string().nullable(),
  outcome: z.enum(SAMPLE_OUTCOMES).nullable(),
  matchedMartyrId: z.number().nullable(),
  returnedOn: z.string().nullable(),
  stage: z.string(),
  clocks: z.array(z.object({ step: z.string(), due: z.string(), done: z.string().nullable(), state: z.string() })),
});
export const IntakeOut = z.object({
  id: z.number(),
  team: z.string(),
  receivedOn: z.string(),
  remainsCount: z.number(),
  identifiedCount: z.number(),
  handoverForm: z.string(),
  reburiedOn: z.string().nullable(),
});
export const RemainsBoard = z.object({ intakes: z.array(IntakeOut), samples: z.array(SampleOut), today: z.string() });

export const GiftCampaignBody = z.object({
  occasion: z.enum(GIFT_OCCASIONS),
  year: z.number().int().min(2000).max(2100),
  source: z.enum(GIFT_SOURCES),
  title: required(300, 'Tên đợt quà'),
  decisionNo: required(60, 'Số quyết định'),
  decisionDate: IsoDate,
  amounts: z.record(z.string(), Money),
});
export const GiveGiftsBody = z.object({ recordIds: z.array(Id).min(1).max(5000), givenOn: IsoDate });
export const GiftTotalsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const GiftTotalsOut = z.object({
  rows: z.array(
    z.object({ occasion: z.string(), source: z.string(), count: z.number(), amount: z.number(), text: z.string() }),
  ),
});
export const HousingBody = z.object({
  recordId: Id,
  kind: z.enum(HOUSING_KINDS),
  floorArea: z.number().min(1).max(1000),
  livesAlone: z.boolean().default(false),
  lifeYears: z.number().int().min(1).max(100),
  helpedUnderQd22: z.boolean().default(false),
  amount: Money,
  decidedOn: IsoDate,
});
export const YearlyCountOut = z.object({
  year: z.number(),
  due: z.string(),
  peopleManaged: z.number(),
  byCategory: z.array(z.object({ category: z.string(), count: z.number() })),
  allowanceDecisions: z.number(),
  giftCount: z.number(),
  giftAmount: z.number(),
  remainsReburied: z.number(),
  samplesTaken: z.number(),
  martyrs: z.number(),
  graves: z.number(),
});
export const InfoStatus = z.enum(MARTYR_INFO_STATUSES);

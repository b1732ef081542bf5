import { z } from 'zod';
import { ABROAD_FORMS } from '../employment/abroad.js';
import { codesOf, SUPPLY_CATALOGUES } from '../employment/catalogues.js';
import { JOB_CHANNEL_CODES } from '../employment/jobs.js';
import { SUPPORT_GROUPS, TRAINING_LEVELS } from '../employment/training.js';
import { EMPLOYMENT_REPORT_KINDS } from '../employment/reports.js';
import { AreaCode, IsoDate, PageQuery, pageOf } from './common.js';

/** Request and response bodies of the employment module (docs/modules/employment.md). */
const C = SUPPLY_CATALOGUES;
const opt = (c: (typeof C)[keyof typeof C]) => z.enum(codesOf(c));
const Id = z.number().int().positive();
const CitizenId = z.string().regex(/^\d{12}$/, 'Số định danh cá nhân (CCCD) phải có đúng 12 chữ số');
const Name = z.string().trim().min(2, 'Nhập họ và tên').max(100);
const Text = (max = 200) => z.string().trim().max(max);

// ---- labour supply (TT 01/2022 Mẫu 01)
export const SupplyFields = z.object({
  schooling: opt(C.schooling).nullable().default(null),
  qualification: opt(C.qualification).nullable().default(null),
  field: Text(120).nullable().default(null),
  employmentStatus: opt(C.employmentStatus),
  jobTitle: Text(120).nullable().default(null),
  workplaceType: opt(C.workplaceType).nullable().default(null),
  industry: Text(120).nullable().default(null),
  workAddress: Text(200).nullable().default(null),
  previousJob: Text(120).nullable().default(null),
  unemploymentDuration: opt(C.unemploymentDuration).nullable().default(null),
  inactiveReason: opt(C.inactiveReason).nullable().default(null),
  needs: z.array(opt(C.needs)).max(5).default([]),
  phone: Text(20).nullable().default(null),
});
export const CreateSupplyBody = SupplyFields.extend({
  citizenId: CitizenId,
  fullName: Name,
  birthDate: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'Ngày sinh dạng YYYY, YYYY-MM hoặc YYYY-MM-DD'),
  gender: z.enum(['male', 'female']),
  ethnicCode: Text(4).nullable().default(null),
  communeCode: AreaCode,
  collectedOn: IsoDate,
});
export type CreateSupplyBody = z.infer<typeof CreateSupplyBody>;
export const UpdateSupplyBody = SupplyFields.partial().extend({ eventDate: IsoDate, eventNote: Text(300).optional() });
export type UpdateSupplyBody = z.infer<typeof UpdateSupplyBody>;

export const SupplyOut = z.object({
  id: z.number().int(),
  personId: z.number().int().nullable(),
  citizenId: z.string(),
  fullName: z.string(),
  birthDate: z.string(),
  gender: z.string(),
  ethnicCode: z.string().nullable(),
  communeCode: z.string(),
  districtCode: z.string().nullable(),
  collectedOn: z.string(),
  schooling: z.string().nullable(),
  qualification: z.string().nullable(),
  field: z.string().nullable(),
  employmentStatus: z.string(),
  jobTitle: z.string().nullable(),
  workplaceType: z.string().nullable(),
  industry: z.string().nullable(),
  workAddress: z.string().nullable(),
  previousJob: z.string().nullable(),
  unemploymentDuration: z.string().nullable(),
  inactiveReason: z.string().nullable(),
  needs: z.array(z.string()),
  phone: z.string().nullable(),
  updatedAt: z.string(),
});
export type SupplyOut = z.infer<typeof SupplyOut>;
export const SupplyPage = pageOf(SupplyOut);
export const SupplyQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  communeCode: AreaCode.optional(),
  status: opt(C.employmentStatus).optional(),
});
export type SupplyQuery = z.infer<typeof SupplyQuery>;

// ---- employers and vacancies
export const CreateEmployerBody = z.object({
  name: Text(200).min(2, 'Nhập tên doanh nghiệp'),
  taxCode: z.string().regex(/^\d{10}(-\d{3})?$/, 'Mã số thuế gồm 10 chữ số (chi nhánh thêm -xxx)'),
  industry: Text(120).nullable().default(null),
  address: Text(200).nullable().default(null),
  phone: Text(20).nullable().default(null),
  communeCode: AreaCode,
});
export type CreateEmployerBody = z.infer<typeof CreateEmployerBody>;
export const EmployerOut = z.object({
  id: z.number().int(),
  name: z.string(),
  taxCode: z.string(),
  industry: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  communeCode: z.string(),
});
export type EmployerOut = z.infer<typeof EmployerOut>;
export const EmployerPage = pageOf(EmployerOut);
export const EmployersQuery = PageQuery.extend({ q: z.string().trim().max(100).optional() });

export const CreateVacancyBody = z.object({
  employerId: Id,
  title: Text(160).min(2, 'Nhập vị trí tuyển dụng'),
  // The range is checked in the use case, so a negative number gets the module's own message.
  positions: z.number().int(),
  qualification: opt(C.qualification).nullable().default(null),
  wageMin: z.number().int().nonnegative().nullable().default(null),
  wageMax: z.number().int().nonnegative().nullable().default(null),
  workPlace: Text(200).nullable().default(null),
  openFrom: IsoDate,
  openTo: IsoDate.nullable().default(null),
});
export type CreateVacancyBody = z.infer<typeof CreateVacancyBody>;
export const VacancyOut = z.object({
  id: z.number().int(),
  employerId: z.number().int(),
  employerName: z.string(),
  title: z.string(),
  positions: z.number().int(),
  filled: z.number().int(),
  qualification: z.string().nullable(),
  wageMin: z.number().int().nullable(),
  wageMax: z.number().int().nullable(),
  workPlace: z.string().nullable(),
  openFrom: z.string(),
  openTo: z.string().nullable(),
});
export type VacancyOut = z.infer<typeof VacancyOut>;
export const VacancyPage = pageOf(VacancyOut);
export const VacanciesQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  openOn: IsoDate.optional(),
  employerId: z.coerce.number().int().positive().optional(),
});
export type VacanciesQuery = z.infer<typeof VacanciesQuery>;

// ---- counselling, referrals, placements
export const CounsellingBody = z.object({
  supplyId: Id,
  date: IsoDate,
  topic: z.enum(['career', 'job', 'policy', 'training', 'abroad']),
  form: z.enum(['01', '01a', '02', '03', '03a']).nullable().default(null),
  note: Text(500).nullable().default(null),
});
export type CounsellingBody = z.infer<typeof CounsellingBody>;
export const CounsellingOut = z.object({
  id: z.number().int(),
  supplyId: z.number().int(),
  date: z.string(),
  topic: z.string(),
  form: z.string().nullable(),
  note: z.string().nullable(),
});
export const ReferralBody = z.object({ supplyId: Id, vacancyId: Id, date: IsoDate });
export type ReferralBody = z.infer<typeof ReferralBody>;
export const ReferralOut = z.object({
  id: z.number().int(),
  supplyId: z.number().int(),
  vacancyId: z.number().int(),
  date: z.string(),
  outcome: z.string(),
});
export const PlacementBody = z.object({
  supplyId: Id,
  vacancyId: Id,
  startDate: IsoDate,
  fairId: Id.nullable().default(null),
  referralId: Id.nullable().default(null),
});
export type PlacementBody = z.infer<typeof PlacementBody>;
export const CheckpointBody = z.object({
  month: z.number().int(),
  date: IsoDate,
  result: z.enum(['working', 'left', 'unreachable']),
  note: Text(300).nullable().default(null),
});
export type CheckpointBody = z.infer<typeof CheckpointBody>;
export const PlacementOut = z.object({
  id: z.number().int(),
  supplyId: z.number().int(),
  fullName: z.string(),
  vacancyId: z.number().int(),
  title: z.string(),
  employerName: z.string(),
  fairId: z.number().int().nullable(),
  startDate: z.string(),
  checkpoints: z.array(
    z.object({ month: z.number().int(), date: z.string(), result: z.string(), note: z.string().nullable() }),
  ),
  followUp: z.object({
    complete: z.boolean(),
    working: z.boolean().nullable(),
    next: z.object({ month: z.number().int(), due: z.string() }).nullable(),
    overdue: z.boolean(),
  }),
  jobCounted: z.boolean(),
});
export type PlacementOut = z.infer<typeof PlacementOut>;

// ---- job fairs
export const CreateFairBody = z.object({
  name: Text(200).min(3, 'Nhập tên phiên giao dịch việc làm'),
  date: IsoDate,
  place: Text(200).min(2, 'Nhập địa điểm'),
  mode: z.enum(['offline', 'online', 'hybrid']),
  districtCode: AreaCode.nullable().default(null),
});
export type CreateFairBody = z.infer<typeof CreateFairBody>;
export const FairEmployerBody = z.object({ employerId: Id, vacancyIds: z.array(Id).max(100).default([]) });
export type FairEmployerBody = z.infer<typeof FairEmployerBody>;
export const CheckInBody = z.object({ supplyId: Id });
export const AttendeeOutcomeBody = z.object({
  interviewedBy: Id.nullable().optional(),
  hiredVacancyId: Id.nullable().optional(),
  hiredOn: IsoDate.optional(),
});
export type AttendeeOutcomeBody = z.infer<typeof AttendeeOutcomeBody>;
export const AttendeeOut = z.object({
  id: z.number().int(),
  supplyId: z.number().int(),
  fullName: z.string(),
  citizenId: z.string(),
  checkedInAt: z.string(),
  interviewedBy: z.number().int().nullable(),
  hiredVacancyId: z.number().int().nullable(),
  placementId: z.number().int().nullable(),
});
export type AttendeeOut = z.infer<typeof AttendeeOut>;
export const FairOut = z.object({
  id: z.number().int(),
  name: z.string(),
  date: z.string(),
  place: z.string(),
  mode: z.string(),
  districtCode: z.string().nullable(),
  employers: z.array(z.object({ id: z.number().int(), name: z.string() })),
  vacancies: z.array(VacancyOut),
  counts: z.object({
    employers: z.number().int(),
    vacancies: z.number().int(),
    positions: z.number().int(),
    attendees: z.number().int(),
    interviewed: z.number().int(),
    hired: z.number().int(),
  }),
  attendees: z.array(AttendeeOut),
});
export type FairOut = z.infer<typeof FairOut>;
export const FairSummary = FairOut.omit({ employers: true, vacancies: true, attendees: true });
export const FairPage = pageOf(FairSummary);
export const FairsQuery = PageQuery.extend({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const CheckInSearchQuery = z.object({ q: z.string().trim().min(2).max(100) });
export const CheckInCandidate = z.object({
  supplyId: z.number().int(),
  fullName: z.string(),
  citizenId: z.string(),
  birthDate: z.string(),
  communeCode: z.string(),
  checkedIn: z.boolean(),
});
export const CheckInCandidates = z.object({ items: z.array(CheckInCandidate) });

// ---- training
export const CreateCourseBody = z.object({
  name: Text(200).min(3, 'Nhập tên lớp'),
  occupation: Text(120).min(2, 'Nhập nghề đào tạo'),
  level: z.enum(TRAINING_LEVELS.map((l) => l.code) as [string, ...string[]]),
  provider: Text(200).min(2, 'Nhập cơ sở đào tạo'),
  startDate: IsoDate,
  endDate: IsoDate,
  districtCode: AreaCode.nullable().default(null),
});
export type CreateCourseBody = z.infer<typeof CreateCourseBody>;
export const CourseOut = z.object({
  id: z.number().int(),
  name: z.string(),
  occupation: z.string(),
  level: z.string(),
  provider: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  enrolled: z.number().int(),
  completed: z.number().int(),
});
export const CoursePage = pageOf(CourseOut);
export const EnrolBody = z.object({
  supplyId: Id,
  group: z
    .enum(SUPPORT_GROUPS.map((g) => g.code) as [string, ...string[]])
    .nullable()
    .default(null),
});
export type EnrolBody = z.infer<typeof EnrolBody>;
export const CompleteEnrolmentBody = z.object({
  completedOn: IsoDate,
  passed: z.boolean(),
  jobAfter: z.boolean().default(false),
});
export type CompleteEnrolmentBody = z.infer<typeof CompleteEnrolmentBody>;
export const EnrolmentOut = z.object({
  id: z.number().int(),
  courseId: z.number().int(),
  courseName: z.string(),
  level: z.string(),
  supplyId: z.number().int(),
  fullName: z.string(),
  group: z.string().nullable(),
  supported: z.boolean(),
  supportCeiling: z.number().int().nullable(),
  completedOn: z.string().nullable(),
  passed: z.boolean().nullable(),
  jobAfter: z.boolean(),
});
export type EnrolmentOut = z.infer<typeof EnrolmentOut>;

// ---- work abroad
export const AbroadBody = z.object({
  supplyId: Id,
  form: z.enum(ABROAD_FORMS.map((f) => f.code) as [string, ...string[]]),
  company: Text(200).nullable().default(null),
  country: Text(80).min(2, 'Nhập nước đến làm việc'),
  receivedOn: IsoDate.nullable().default(null),
  departureDate: IsoDate.nullable().default(null),
});
export type AbroadBody = z.infer<typeof AbroadBody>;
export const AbroadRegisterBody = z.object({ registeredOn: IsoDate });
export const AbroadOut = z.object({
  id: z.number().int(),
  supplyId: z.number().int(),
  fullName: z.string(),
  form: z.string(),
  company: z.string().nullable(),
  country: z.string(),
  receivedOn: z.string().nullable(),
  registeredOn: z.string().nullable(),
  registrationDue: z.string().nullable(),
  departureDate: z.string().nullable(),
  returnDate: z.string().nullable(),
});
export type AbroadOut = z.infer<typeof AbroadOut>;

// ---- jobs created
export const JobBody = z.object({
  supplyId: Id,
  channel: z.enum(JOB_CHANNEL_CODES),
  date: IsoDate,
  note: Text(300).nullable().default(null),
});
export type JobBody = z.infer<typeof JobBody>;
export const JobOut = z.object({
  id: z.number().int(),
  supplyId: z.number().int(),
  fullName: z.string(),
  channel: z.string(),
  date: z.string(),
  counted: z.boolean(),
  communeCode: z.string(),
});
export type JobOut = z.infer<typeof JobOut>;
export const JobsProgressQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  asOf: IsoDate.optional(),
});
export const ProgressOut = z.object({
  year: z.number().int(),
  asOf: z.string(),
  channels: z.array(z.string()),
  rows: z.array(
    z.object({
      areaCode: z.string(),
      areaName: z.string(),
      byChannel: z.record(z.string(), z.number().int()),
      total: z.number().int(),
      target: z.number().nullable(),
      percent: z.number().nullable(),
    }),
  ),
});
export type ProgressOut = z.infer<typeof ProgressOut>;

/** Everything about one person: the supply record and what the centre did with them. */
export const PersonEmploymentOut = z.object({
  supply: SupplyOut.nullable(),
  counselling: z.array(CounsellingOut),
  placements: z.array(PlacementOut),
  enrolments: z.array(EnrolmentOut),
  abroad: z.array(AbroadOut),
  jobs: z.array(JobOut),
  abilities: z.array(z.string()),
});
export type PersonEmploymentOut = z.infer<typeof PersonEmploymentOut>;

export const SupplyImportQuery = z.object({ mode: z.enum(['dry_run', 'commit']).default('dry_run') });
export const SupplyImportOut = z.object({
  jobId: z.number().int(),
  mode: z.enum(['dry_run', 'commit']),
  counts: z.object({
    total: z.number().int(),
    new: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
  }),
  rejected: z.array(z.object({ line: z.number().int(), problems: z.array(z.string()) })),
  hasRejectedFile: z.boolean(),
});
export type SupplyImportOut = z.infer<typeof SupplyImportOut>;

export type VacancyPage = z.infer<typeof VacancyPage>;
export type FairPage = z.infer<typeof FairPage>;
export type FairSummary = z.infer<typeof FairSummary>;
export type CheckInCandidates = z.infer<typeof CheckInCandidates>;
export type CourseOut = z.infer<typeof CourseOut>;
export type CoursePage = z.infer<typeof CoursePage>;
export type EmployerPage = z.infer<typeof EmployerPage>;
export type SupplyPage = z.infer<typeof SupplyPage>;

// ---- periodic reports (NĐ 23/2021 Art. 13(5); TT 01/2022 Art. 18)
const ReportPeriod = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
const periodChecks = <T extends z.infer<typeof ReportPeriod>>(s: z.ZodType<T>) =>
  s
    .refine((q) => !q.from === !q.to, {
      message: 'Ghi cả ngày bắt đầu và ngày kết thúc của kỳ báo cáo, hoặc để trống cả hai.',
    })
    .refine((q) => !q.from || !q.to || q.from <= q.to, {
      message: 'Ngày bắt đầu kỳ báo cáo phải trước ngày kết thúc.',
    });
/** A report's period: from/to (one year at most), or a year and the report's usual period. */
export const EmploymentReportQuery = periodChecks(ReportPeriod);
export type EmploymentReportQuery = z.infer<typeof ReportPeriod>;
export const EmploymentReportFileQuery = periodChecks(ReportPeriod.extend({ format: z.enum(['docx', 'xlsx']) }));
export const EmploymentReportParams = z.object({ kind: z.enum(EMPLOYMENT_REPORT_KINDS) });

const ReportLine = z.object({ code: z.string(), label: z.string(), value: z.number(), unit: z.string() });
export const EmploymentReportOut = z.object({
  kind: z.enum(EMPLOYMENT_REPORT_KINDS),
  title: z.string(),
  basis: z.string(),
  form: z.string(),
  layoutVerified: z.boolean(),
  from: z.string(),
  to: z.string(),
  due: z.string(),
  provinceCode: z.string(),
  provinceName: z.string(),
  sections: z.array(z.object({ code: z.string(), title: z.string(), lines: z.array(ReportLine) })),
  /** Jobs created by district and channel against the plan's target of the year ("actual/target, đạt x%"). */
  plan: z.object({
    year: z.number().int(),
    channels: z.array(z.object({ code: z.string(), label: z.string() })),
    rows: z.array(
      z.object({
        areaCode: z.string(),
        areaName: z.string(),
        byChannel: z.record(z.string(), z.number().int()),
        total: z.number().int(),
        target: z.number().nullable(),
        progress: z.string(),
      }),
    ),
    /** Channel targets of the plan (params "channel=..."), province-wide. */
    channelTargets: z.array(
      z.object({ channel: z.string(), actual: z.number().int(), target: z.number(), progress: z.string() }),
    ),
  }),
});
export type EmploymentReportOut = z.infer<typeof EmploymentReportOut>;

export const EmployerImportOut = z.object({
  jobId: z.number().int(),
  mode: z.enum(['dry_run', 'commit']),
  counts: z.object({
    total: z.number().int(),
    employersNew: z.number().int(),
    employersExisting: z.number().int(),
    vacancies: z.number().int(),
    rejected: z.number().int(),
  }),
  rejected: z.array(z.object({ line: z.number().int(), problems: z.array(z.string()) })),
  hasRejectedFile: z.boolean(),
});
export type EmployerImportOut = z.infer<typeof EmployerImportOut>;

/** The yearly supply and demand data transfer (TT 01/2022 Art. 16(3)): a year and, optionally, an area. */
export const EmploymentTransferQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  areaCode: AreaCode.optional(),
});
export type EmploymentTransferQuery = z.infer<typeof EmploymentTransferQuery>;

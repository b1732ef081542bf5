/**
 * "Giải quyết việc làm" (jobs created) is an administrative sum by channel with no legal
 * definition (docs/legal/employment.md, "Jobs created"). AnSinh keeps one record per job with its
 * channel and person, and counts a person once per period: the first job of the period counts
 * (its channel gets the person), later ones are kept but not counted.
 */
export const JOB_CHANNELS = Object.freeze([
  { code: 'new_hire', vi: 'Tuyển dụng mới tại doanh nghiệp', en: 'New hire at an employer' },
  { code: 'centre_placement', vi: 'Trung tâm DVVL giới thiệu', en: 'Centre placement' },
  { code: 'fund_loan', vi: 'Vay vốn Quỹ quốc gia về việc làm', en: 'Employment-fund loan' },
  { code: 'abroad', vi: 'Đi làm việc ở nước ngoài', en: 'Work abroad' },
  { code: 'program_job', vi: 'Việc làm từ chương trình, dự án', en: 'Programme job' },
] as const);
export type JobChannel = (typeof JOB_CHANNELS)[number]['code'];
export const JOB_CHANNEL_CODES = JOB_CHANNELS.map((c) => c.code) as [JobChannel, ...JobChannel[]];

export interface JobRecord {
  id: number | string;
  /** The person's key: their 12-digit personal ID. */
  personKey: string;
  channel: JobChannel;
  date: string;
  areaCode?: string;
}

/** A year is the counting period: a person counts once in a year (and so once in any part of it). */
export const periodOf = (date: string): number => Number(date.slice(0, 4));

/**
 * The records that count in [from, to]: one per person, the earliest (ties by id). Others are
 * returned as duplicates, with the record that counted instead.
 */
export function countJobsCreated(
  records: readonly JobRecord[],
  from: string,
  to: string,
): {
  counted: JobRecord[];
  duplicates: { record: JobRecord; countedAs: JobRecord }[];
  byChannel: Record<JobChannel, number>;
} {
  const inPeriod = records
    .filter((r) => r.date >= from && r.date <= to)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : String(a.id) < String(b.id) ? -1 : 1));
  const first = new Map<string, JobRecord>();
  const duplicates: { record: JobRecord; countedAs: JobRecord }[] = [];
  for (const r of inPeriod) {
    const f = first.get(r.personKey);
    if (f) duplicates.push({ record: r, countedAs: f });
    else first.set(r.personKey, r);
  }
  const counted = [...first.values()];
  const byChannel = Object.fromEntries(JOB_CHANNEL_CODES.map((c) => [c, 0])) as Record<JobChannel, number>;
  for (const r of counted) byChannel[r.channel] += 1;
  return { counted, duplicates, byChannel };
}

import type { JobChannel, SupplyOut, VacancyOut } from '@ansinh/domain';
import type { Services } from '../app.js';
import type { Database } from '../db/database.js';
import { systemActor } from '../platform/actor.js';

/** A small deterministic generator (mulberry32), so the demo is the same on every start. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const STATUSES = ['unemployed', 'own_account', 'wage_worker', 'family_worker', 'inactive'] as const;
const EMPLOYERS = [
  'Công ty TNHH May mặc Đồng Xoài',
  'Công ty CP Chế biến Điều Bình Phước',
  'Công ty TNHH Gỗ Phước Long',
  'Công ty CP Cao su Lộc Ninh',
  'Công ty TNHH Điện tử Chơn Thành',
  'Công ty TNHH Giày da Bình Long',
];
const TITLES = [
  'Công nhân may',
  'Công nhân chế biến',
  'Thợ mộc',
  'Công nhân cạo mủ',
  'Lắp ráp điện tử',
  'Công nhân giày da',
];

/**
 * Demo records of employment services for 2021 in the demo province, when the registry has
 * people: labour supply records for a few hundred registry persons (linked by personal ID),
 * employers and vacancies, three job fairs with check-ins and hires (placements), jobs created
 * through the other channels, counselling and a course. A sample beside the entered 2021 figures
 * of the demo report (28.101 jobs against a plan of 38.000), which stay the official ones. All
 * through the service as the system, so every record is audited like a real one.
 */
export async function seedEmploymentDemo(
  database: Database,
  services: Services,
  opts: { provinceCode: string; seed: number; persons?: number },
): Promise<void> {
  const db = database.db;
  const e = services.employment;
  const actor = systemActor('seed');
  if ((await db.selectFrom('emp_supply').select('id').limit(1).execute()).length) return;
  const rand = rng(opts.seed + 14);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const people = await db
    .selectFrom('persons')
    .select(['citizen_id', 'full_name', 'birth_date', 'gender', 'commune_code'])
    .where('province_code', '=', opts.provinceCode)
    .where('citizen_id', 'is not', null)
    .where('birth_year', '>=', 1966)
    .where('birth_year', '<=', 2003)
    .where('deceased_on', 'is', null)
    .orderBy('id')
    .limit(opts.persons ?? 200)
    .execute();
  if (people.length < 40) return;
  const supply: SupplyOut[] = [];
  for (const p of people) {
    const status = pick(STATUSES);
    supply.push(
      await e.createSupply(actor, {
        citizenId: p.citizen_id!,
        fullName: p.full_name,
        birthDate: p.birth_date,
        gender: p.gender === 'female' ? 'female' : 'male',
        ethnicCode: null,
        communeCode: p.commune_code,
        collectedOn: '2021-02-20',
        schooling: pick(['lower_secondary', 'upper_secondary', 'primary'] as const),
        qualification: pick(['none', 'none', 'elementary', 'intermediate', 'college'] as const),
        field: null,
        employmentStatus: status,
        jobTitle: status === 'wage_worker' ? 'Công nhân' : null,
        workplaceType: status === 'wage_worker' ? 'enterprise' : null,
        industry: null,
        workAddress: null,
        previousJob: null,
        unemploymentDuration: status === 'unemployed' ? pick(['lt3m', '3to12m', 'gt12m'] as const) : null,
        inactiveReason: status === 'inactive' ? pick(['studying', 'housework'] as const) : null,
        needs: status === 'unemployed' ? ['job', 'training'] : [],
        phone: null,
      }),
    );
  }
  const communes = [...new Set(people.map((p) => p.commune_code))];
  const vacancies: VacancyOut[] = [];
  for (let i = 0; i < EMPLOYERS.length; i++) {
    const emp = await e.createEmployer(actor, {
      name: EMPLOYERS[i]!,
      taxCode: `38011${String(2001 + i).padStart(5, '0')}`,
      industry: null,
      address: null,
      phone: null,
      communeCode: communes[i % communes.length]!,
    });
    vacancies.push(
      await e.createVacancy(actor, {
        employerId: emp.id,
        title: TITLES[i]!,
        positions: 40 + Math.floor(rand() * 40),
        qualification: null,
        wageMin: 5_500_000,
        wageMax: 8_000_000,
        workPlace: null,
        openFrom: '2021-01-15',
        openTo: null,
      }),
    );
  }
  const districts = await db
    .selectFrom('areas')
    .select('code')
    .where('parent_code', '=', opts.provinceCode)
    .orderBy('code')
    .execute();
  let next = 0;
  const nextPerson = () => supply[next++ % supply.length]!;
  for (const [k, date] of ['2021-03-18', '2021-06-17', '2021-10-21'].entries()) {
    const fair = await e.createFair(actor, {
      name: `Phiên giao dịch việc làm ${k + 1}/2021`,
      date,
      place: 'Trung tâm Dịch vụ việc làm tỉnh Bình Phước',
      mode: k === 1 ? 'hybrid' : 'offline',
      districtCode: districts[k % districts.length]?.code ?? null,
    });
    for (const v of vacancies.slice(k, k + 4))
      await e.addEmployer(actor, fair.id, { employerId: v.employerId, vacancyIds: [v.id] });
    let f = fair;
    for (let i = 0; i < 20; i++) f = await e.checkIn(actor, fair.id, nextPerson().id);
    for (const a of f.attendees.slice(0, 8)) {
      const v = vacancies[k + Math.floor(rand() * 4)]!;
      await e.attendeeOutcome(actor, fair.id, a.id, { hiredVacancyId: v.id, hiredOn: date });
    }
  }
  const channels: [JobChannel, number][] = [
    ['new_hire', 40],
    ['fund_loan', 20],
    ['program_job', 15],
  ];
  for (const [channel, n] of channels)
    for (let i = 0; i < n; i++) {
      const month = String(1 + Math.floor(rand() * 11)).padStart(2, '0');
      await e.createJob(actor, { supplyId: nextPerson().id, channel, date: `2021-${month}-15`, note: null });
    }
  for (let i = 0; i < 6; i++)
    await e.createAbroad(actor, {
      supplyId: nextPerson().id,
      form: i % 3 === 0 ? 'direct' : 'service_company',
      company: i % 3 === 0 ? null : 'Công ty CP Xuất khẩu lao động Sài Gòn',
      country: pick(['Nhật Bản', 'Hàn Quốc', 'Đài Loan (Trung Quốc)']),
      receivedOn: i % 3 === 0 ? '2021-04-05' : null,
      departureDate: `2021-0${5 + (i % 4)}-10`,
    });
  for (let i = 0; i < 40; i++)
    await e.counsel(actor, {
      supplyId: supply[i]!.id,
      date: '2021-05-12',
      topic: pick(['career', 'job', 'training'] as const),
      form: '01',
      note: null,
    });
  const course = await e.createCourse(actor, {
    name: 'May công nghiệp khóa 1/2021',
    occupation: 'May công nghiệp',
    level: 'short_course',
    provider: 'Trường Trung cấp nghề Bình Phước',
    startDate: '2021-04-05',
    endDate: '2021-06-30',
    districtCode: districts[0]?.code ?? null,
  });
  for (let i = 0; i < 25; i++)
    await e.enrol(actor, course.id, {
      supplyId: supply[supply.length - 1 - i]!.id,
      group: i % 5 === 0 ? 'rural' : null,
    });
}

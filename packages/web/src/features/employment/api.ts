import {
  CheckInCandidates,
  CoursePage,
  EnrolmentOut,
  FairOut,
  FairPage,
  EmploymentReportOut,
  PersonEmploymentOut,
  ProgressOut,
  VacancyPage,
} from '@ansinh/domain';
import type { AttendeeOutcomeBody, CreateFairBody, EnrolBody, FairEmployerBody } from '@ansinh/domain';
import type { EmploymentReportKind } from '@ansinh/domain';
import { apiUrl, request } from '../../kernel/http';

export const ek = {
  all: ['employment'] as const,
  vacancies: (q: string) => ['employment', 'vacancies', q] as const,
  fairs: (year: number) => ['employment', 'fairs', year] as const,
  fair: (id: number) => ['employment', 'fair', id] as const,
  courses: ['employment', 'courses'] as const,
  progress: (year: number) => ['employment', 'progress', year] as const,
  report: (kind: string, year: number) => ['employment', 'report', kind, year] as const,
  person: (by: string, id: number) => ['employment', 'person', by, id] as const,
};

/** The employment module's endpoints (contracts in @ansinh/domain). */
export const employmentApi = {
  vacancies: (q: string, signal?: AbortSignal) =>
    request<VacancyPage>('GET', '/employment/vacancies', {
      query: { q: q || undefined, pageSize: 100 },
      schema: VacancyPage,
      signal,
    }),
  fairs: (year: number, signal?: AbortSignal) =>
    request<FairPage>('GET', '/employment/fairs', { query: { year }, schema: FairPage, signal }),
  createFair: (body: CreateFairBody) => request<FairOut>('POST', '/employment/fairs', { body, schema: FairOut }),
  fair: (id: number, signal?: AbortSignal) =>
    request<FairOut>('GET', `/employment/fairs/${id}`, { schema: FairOut, signal }),
  addEmployer: (id: number, body: FairEmployerBody) =>
    request<FairOut>('POST', `/employment/fairs/${id}/employers`, { body, schema: FairOut }),
  searchCheckIn: (id: number, q: string, signal?: AbortSignal) =>
    request<CheckInCandidates>('GET', `/employment/fairs/${id}/check-in`, {
      query: { q },
      schema: CheckInCandidates,
      signal,
    }),
  checkIn: (id: number, supplyId: number) =>
    request<FairOut>('POST', `/employment/fairs/${id}/check-in`, { body: { supplyId }, schema: FairOut }),
  outcome: (id: number, attendeeId: number, body: AttendeeOutcomeBody) =>
    request<FairOut>('PATCH', `/employment/fairs/${id}/attendees/${attendeeId}`, { body, schema: FairOut }),
  courses: (signal?: AbortSignal) =>
    request<CoursePage>('GET', '/employment/courses', { query: { pageSize: 100 }, schema: CoursePage, signal }),
  enrol: (courseId: number, body: EnrolBody) =>
    request<EnrolmentOut>('POST', `/employment/courses/${courseId}/enrolments`, { body, schema: EnrolmentOut }),
  report: (kind: EmploymentReportKind, year: number, signal?: AbortSignal) =>
    request<EmploymentReportOut>('GET', `/employment/reports/${kind}`, {
      query: { year },
      schema: EmploymentReportOut,
      signal,
    }),
  reportFile: (kind: EmploymentReportKind, year: number, format: 'docx' | 'xlsx') =>
    apiUrl(`/employment/reports/${kind}/file`, { year, format }),
  /** The yearly supply and demand data for the Ministry's database (TT 01/2022 Art. 16(3)). */
  transferFile: (year: number) => apiUrl('/employment/transfer.xlsx', { year }),
  progress: (year: number, signal?: AbortSignal) =>
    request<ProgressOut>('GET', '/employment/jobs/progress', { query: { year }, schema: ProgressOut, signal }),
  person: (by: 'supply' | 'persons', id: number, signal?: AbortSignal) =>
    request<PersonEmploymentOut>(
      'GET',
      by === 'supply' ? `/employment/supply/${id}/overview` : `/employment/persons/${id}`,
      {
        schema: PersonEmploymentOut,
        signal,
      },
    ),
};

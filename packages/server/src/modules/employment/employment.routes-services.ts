import {
  AbroadBody,
  AbroadOut,
  AbroadRegisterBody,
  AttendeeOutcomeBody,
  CheckInBody,
  CheckInCandidates,
  CheckInSearchQuery,
  CheckpointBody,
  CompleteEnrolmentBody,
  CounsellingBody,
  CounsellingOut,
  CoursePage,
  CourseOut,
  CreateCourseBody,
  CreateFairBody,
  EnrolBody,
  EnrolmentOut,
  FairEmployerBody,
  FairOut,
  FairPage,
  FairsQuery,
  JobBody,
  JobOut,
  JobsProgressQuery,
  PageQuery,
  PlacementBody,
  PlacementOut,
  ProgressOut,
  ReferralBody,
  ReferralOut,
} from '@ansinh/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { employmentPolicy } from './employment.policy.js';
import type { EmploymentService } from './employment.service.js';

const Id = z.object({ id: z.coerce.number().int().positive() });
const FairAttendee = z.object({
  id: z.coerce.number().int().positive(),
  attendeeId: z.coerce.number().int().positive(),
});
const { read, serve, register_abroad } = employmentPolicy.table;
const P = '/api/v1/employment';

/** Routes of the centre's services: counselling, placements, fairs, training, work abroad, jobs. */
export function serviceRoutes(service: EmploymentService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['employment'];
    // ---- counselling, referrals, placements
    app.post(
      `${P}/counselling`,
      {
        config: { access: serve },
        schema: {
          tags,
          summary: 'Record a counselling event',
          body: CounsellingBody,
          response: { 201: CounsellingOut },
        },
      },
      async (req, reply) => reply.code(201).send(await service.counsel(req.actor!, req.body)),
    );
    app.post(
      `${P}/referrals`,
      {
        config: { access: serve },
        schema: { tags, summary: 'Refer a worker to a vacancy', body: ReferralBody, response: { 201: ReferralOut } },
      },
      async (req, reply) => reply.code(201).send(await service.refer(req.actor!, req.body)),
    );
    app.post(
      `${P}/placements`,
      {
        config: { access: serve },
        schema: {
          tags,
          summary: 'Place a worker (a job created)',
          body: PlacementBody,
          response: { 201: PlacementOut },
        },
      },
      async (req, reply) => reply.code(201).send(await service.place(req.actor!, req.body)),
    );
    app.get(
      `${P}/placements/:id`,
      {
        config: { access: read },
        schema: { tags, summary: 'A placement and its follow-up', params: Id, response: { 200: PlacementOut } },
      },
      (req) => service.getPlacement(req.actor!, req.params.id),
    );
    app.post(
      `${P}/placements/:id/checkpoints`,
      {
        config: { access: serve },
        schema: {
          tags,
          summary: 'A follow-up checkpoint (Mẫu 04)',
          params: Id,
          body: CheckpointBody,
          response: { 201: PlacementOut },
        },
      },
      async (req, reply) => reply.code(201).send(await service.checkpoint(req.actor!, req.params.id, req.body)),
    );

    // ---- job fairs
    app.get(
      `${P}/fairs`,
      {
        config: { access: read },
        schema: { tags, summary: 'Job fairs', querystring: FairsQuery, response: { 200: FairPage } },
      },
      (req) => service.listFairs(req.actor!, req.query),
    );
    app.post(
      `${P}/fairs`,
      {
        config: { access: serve },
        schema: { tags, summary: 'Hold a job fair', body: CreateFairBody, response: { 201: FairOut } },
      },
      async (req, reply) => reply.code(201).send(await service.createFair(req.actor!, req.body)),
    );
    app.get(
      `${P}/fairs/:id`,
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'A job fair with its employers, vacancies and attendees',
          params: Id,
          response: { 200: FairOut },
        },
      },
      (req) => service.getFair(req.actor!, req.params.id),
    );
    app.post(
      `${P}/fairs/:id/employers`,
      {
        config: { access: serve },
        schema: {
          tags,
          summary: 'An employer and its vacancies at the fair',
          params: Id,
          body: FairEmployerBody,
          response: { 200: FairOut },
        },
      },
      (req) => service.addEmployer(req.actor!, req.params.id, req.body),
    );
    app.get(
      `${P}/fairs/:id/check-in`,
      {
        config: { access: serve },
        schema: {
          tags,
          summary: 'Find a person to check in (name without accents or ID)',
          params: Id,
          querystring: CheckInSearchQuery,
          response: { 200: CheckInCandidates },
        },
      },
      (req) => service.searchCheckIn(req.actor!, req.params.id, req.query.q),
    );
    app.post(
      `${P}/fairs/:id/check-in`,
      {
        config: { access: serve },
        schema: { tags, summary: 'Check a worker in', params: Id, body: CheckInBody, response: { 200: FairOut } },
      },
      (req) => service.checkIn(req.actor!, req.params.id, req.body.supplyId),
    );
    app.patch(
      `${P}/fairs/:id/attendees/:attendeeId`,
      {
        config: { access: serve },
        schema: {
          tags,
          summary: 'Interviewed / hired at the fair',
          params: FairAttendee,
          body: AttendeeOutcomeBody,
          response: { 200: FairOut },
        },
      },
      (req) => service.attendeeOutcome(req.actor!, req.params.id, req.params.attendeeId, req.body),
    );

    // ---- training
    app.get(
      `${P}/courses`,
      {
        config: { access: read },
        schema: { tags, summary: 'Training courses', querystring: PageQuery, response: { 200: CoursePage } },
      },
      (req) => service.listCourses(req.actor!, req.query),
    );
    app.post(
      `${P}/courses`,
      {
        config: { access: serve },
        schema: { tags, summary: 'Open a course', body: CreateCourseBody, response: { 201: CourseOut } },
      },
      async (req, reply) => reply.code(201).send(await service.createCourse(req.actor!, req.body)),
    );
    app.post(
      `${P}/courses/:id/enrolments`,
      {
        config: { access: serve },
        schema: {
          tags,
          summary: 'Enrol a worker (support by the rule in force)',
          params: Id,
          body: EnrolBody,
          response: { 201: EnrolmentOut },
        },
      },
      async (req, reply) => reply.code(201).send(await service.enrol(req.actor!, req.params.id, req.body)),
    );
    app.post(
      `${P}/enrolments/:id/completion`,
      {
        config: { access: serve },
        schema: {
          tags,
          summary: 'Completion and job after',
          params: Id,
          body: CompleteEnrolmentBody,
          response: { 200: EnrolmentOut },
        },
      },
      (req) => service.complete(req.actor!, req.params.id, req.body),
    );

    // ---- work abroad, jobs created
    app.post(
      `${P}/abroad`,
      {
        config: { access: serve },
        schema: { tags, summary: 'A worker going abroad on contract', body: AbroadBody, response: { 201: AbroadOut } },
      },
      async (req, reply) => reply.code(201).send(await service.createAbroad(req.actor!, req.body)),
    );
    app.post(
      `${P}/abroad/:id/registration`,
      {
        config: { access: register_abroad },
        schema: {
          tags,
          summary: 'Confirm a direct contract (Luật 69/2020 Art. 53)',
          params: Id,
          body: AbroadRegisterBody,
          response: { 200: AbroadOut },
        },
      },
      (req) => service.registerAbroad(req.actor!, req.params.id, req.body.registeredOn),
    );
    app.post(
      `${P}/jobs`,
      {
        config: { access: serve },
        schema: { tags, summary: 'A job created through another channel', body: JobBody, response: { 201: JobOut } },
      },
      async (req, reply) => reply.code(201).send(await service.createJob(req.actor!, req.body)),
    );
    app.get(
      `${P}/jobs/progress`,
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'Jobs created by district and channel against the plan',
          querystring: JobsProgressQuery,
          response: { 200: ProgressOut },
        },
      },
      (req) => service.progress(req.actor!, req.query),
    );
  };
}

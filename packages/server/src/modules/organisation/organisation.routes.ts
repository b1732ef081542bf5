import {
  OrgUnitBody,
  OrgUnitOut,
  OrgUnitPage,
  OrgUnitsQuery,
  StaffingBody,
  StaffingList,
  StaffingOut,
  StaffingQuery,
  StaffingYear,
} from '@ansinh/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { organisationPolicy } from './organisation.policy.js';
import type { OrganisationService } from './organisation.service.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const YearParams = z.object({ year: StaffingYear });
const { read, manage } = organisationPolicy.table;
const P = '/api/v1/organisation';
const tags = ['organisation'];

/** HTTP only: schema in, one service call, presenter out (the service presents). */
export function organisationRoutes(service: OrganisationService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      `${P}/units`,
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'Units of the agency (onDate: active that day)',
          querystring: OrgUnitsQuery,
          response: { 200: OrgUnitPage },
        },
      },
      (req) => service.listUnits(req.actor!, req.query),
    );
    app.post(
      `${P}/units`,
      {
        config: { access: manage },
        schema: { tags, summary: 'Add a unit', body: OrgUnitBody, response: { 201: OrgUnitOut } },
      },
      async (req, reply) => reply.code(201).send(await service.createUnit(req.actor!, req.body)),
    );
    app.get(
      `${P}/units/:id`,
      {
        config: { access: read },
        schema: { tags, summary: 'One unit', params: IdParams, response: { 200: OrgUnitOut } },
      },
      (req) => service.getUnit(req.actor!, req.params.id),
    );
    app.put(
      `${P}/units/:id`,
      {
        config: { access: manage },
        schema: {
          tags,
          summary: 'Correct a unit, or close it (activeTo)',
          params: IdParams,
          body: OrgUnitBody,
          response: { 200: OrgUnitOut },
        },
      },
      (req) => service.updateUnit(req.actor!, req.params.id, req.body),
    );
    app.get(
      `${P}/staffing`,
      {
        config: { access: read },
        schema: {
          tags,
          summary: 'Staffing figures by year',
          querystring: StaffingQuery,
          response: { 200: StaffingList },
        },
      },
      (req) => service.listStaffing(req.actor!, req.query),
    );
    app.put(
      `${P}/staffing/:year`,
      {
        config: { access: manage },
        schema: {
          tags,
          summary: "Record or correct a year's staffing figures",
          params: YearParams,
          body: StaffingBody,
          response: { 200: StaffingOut },
        },
      },
      (req) => service.putStaffing(req.actor!, req.params.year, req.body),
    );
  };
}

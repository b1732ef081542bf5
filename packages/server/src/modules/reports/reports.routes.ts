import type { FastifyPluginAsync } from 'fastify';
import type { ReportsService } from './reports.service.js';

export function reportsRoutes(service: ReportsService): FastifyPluginAsync {
  void service;
  return async () => {};
}

import type { FastifyPluginAsync } from 'fastify';
import type { ProgramsService } from './programs.service.js';

export function programsRoutes(service: ProgramsService): FastifyPluginAsync {
  void service;
  return async () => {};
}

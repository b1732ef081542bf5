import type { FastifyPluginAsync } from 'fastify';
import type { DossiersService } from './dossiers.service.js';

export function dossiersRoutes(service: DossiersService): FastifyPluginAsync {
  void service;
  return async () => {};
}

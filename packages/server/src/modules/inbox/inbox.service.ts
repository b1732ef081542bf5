import { readInboxUseCases, type InboxDeps } from './use-cases/read-inbox.js';

/** The inbox service: what waits for each signed-in person across modules (routes and tests use it). */
export function createInboxService(deps: InboxDeps) {
  return { ...readInboxUseCases(deps) };
}
export type InboxService = ReturnType<typeof createInboxService>;

import { installCompression, markReusableAnswer, registerWebAssets } from './platform/web-assets.js';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import './platform/fastify-types.js';
import { installErrorHandler, installNulGuard } from './platform/http.js';
import { errors } from './platform/errors.js';
import { installMetrics, metricsAllowed } from './platform/metrics.js';
import { installSecurityHeaders } from './platform/security-headers.js';
import { areasRoutes, createAreasService } from './modules/areas/index.js';
import { auditRoutes, createAuditService } from './modules/audit/index.js';
import { authRoutes, createAuthService, installAuthHooks } from './modules/auth/index.js';
import { createRegistryImport, createRegistryService, registryRoutes } from './modules/registry/index.js';
import { createUsersService, usersRoutes } from './modules/users/index.js';
import { agenciesRoutes, createAgenciesService } from './modules/agencies/index.js';
import { createProgramsService, programsRoutes } from './modules/programs/index.js';
import { createDossiersService, dossiersRoutes, notifyChannel } from './modules/dossiers/index.js';
import { createReportsService, reportsRoutes } from './modules/reports/index.js';
import { createPetitionsService, petitionsRoutes, petitionsTimelineSource } from './modules/petitions/index.js';
import { createEmploymentService, employmentRoutes } from './modules/employment/index.js';
import { createPovertyService, povertyRoutes } from './modules/poverty/index.js';
import { createMeritService, meritRoutes } from './modules/merit/index.js';
import { createInteropService, interopRoutes } from './modules/interop/index.js';
import { createInboxService, inboxRoutes } from './modules/inbox/index.js';
import { createOrganisationService, organisationRoutes } from './modules/organisation/index.js';
import { activitiesRoutes, createActivitiesService } from './modules/activities/index.js';
import { clusterOf } from './platform/cluster.js';
import { createBackgroundJobs } from './platform/background-jobs.js';
import { backgroundJobsRoutes } from './platform/background-jobs.routes.js';

/** Every module's service, wired once; the CLI and the tests use the same set. */
export function createServices(database: Database, config: Config) {
  // The job queue and the change bus: several app servers may share this database.
  const cluster = clusterOf(database, config);
  // Work run off the request (list generation, payment sheets …), polled at GET /api/v1/jobs/:id.
  const jobs = createBackgroundJobs(database, cluster.queue, config.jobLeaseMs);
  const areas = createAreasService({ database, dataDir: config.dataDir, bus: cluster.bus });
  const agencies = createAgenciesService({ database });
  const users = createUsersService({ database, areas, agencies, bus: cluster.bus });
  const audit = createAuditService({ database });
  const auth = createAuthService({ database, config, bus: cluster.bus });
  // Other modules add to a person's timeline through sources; the registry imports none of them.
  const idConflictsPerDay = config.registryIdConflictsPerDay;
  const registry = createRegistryService({
    database,
    areas,
    idConflictsPerDay,
    timelineSources: [petitionsTimelineSource({ database, areas })],
  });
  const registryImport = createRegistryImport({
    database,
    idConflictsPerDay,
    queue: cluster.queue,
    leaseMs: config.jobLeaseMs,
  });
  const programs = createProgramsService({ database, areas, jobs });
  const dossiers = createDossiersService({ database, areas, channel: notifyChannel(config.notify) });
  const reports = createReportsService({ database, areas, jobs });
  const petitions = createPetitionsService({ database, areas });
  const employment = createEmploymentService({ database });
  const poverty = createPovertyService({ database, areas, registry });
  const merit = createMeritService({ database, areas, registry });
  const inbox = createInboxService({ database });
  const organisation = createOrganisationService({ database });
  const activities = createActivitiesService({ database, areas });
  const interop = createInteropService({
    database,
    registry,
    publicUrl: config.publicUrl,
    signingKeyPem: config.dciSigningKey,
  });
  return {
    cluster,
    jobs,
    areas,
    agencies,
    users,
    audit,
    auth,
    registry,
    registryImport,
    programs,
    dossiers,
    reports,
    petitions,
    employment,
    poverty,
    merit,
    interop,
    inbox,
    organisation,
    activities,
  };
}
export type Services = ReturnType<typeof createServices>;

const OPENAPI_DESCRIPTION = `API of AnSinh, the social-affairs system of a provincial department.

**Sessions.** \`POST /api/v1/auth/login\` with \`{username, password}\` sets an HttpOnly cookie \`ansinh_sid\`
and returns the user with a \`csrfToken\`.

**CSRF.** Every POST, PUT, PATCH and DELETE made with a session must carry the header
\`X-CSRF-Token: <csrfToken>\` (from the login answer or \`GET /api/v1/auth/me\`); without it the answer is
403 \`CSRF_FAILED\`. A script keeps the cookie and sends the header; a forged cross-site form cannot.

**Errors** are \`application/problem+json\` with a stable \`code\`, a Vietnamese \`message\` that says what to do,
field \`details\` and the \`requestId\`. A record outside your area answers 404; one inside it that your role
may not touch answers 403.`;

/**
 * Build the HTTP application (the tests call this with their own database). Routes are thin:
 * schema in, one service call, presenter out.
 */
export async function buildApp(config: Config, database: Database, opts: { logger?: boolean } = {}) {
  const services = createServices(database, config);
  const app = Fastify({
    logger:
      opts.logger === false || config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
            serializers: {
              // The path only: query strings can carry names or ID numbers being searched for.
              req: (req: { method: string; url: string; ip?: string }) => ({
                method: req.method,
                path: req.url.split('?')[0],
                ip: req.ip,
              }),
            },
          },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  // A frozen answer (a cached read, e.g. the area tree) is checked against its schema and turned
  // into JSON once, then reused: it cannot have changed since; so are its compressed bytes.
  app.setSerializerCompiler((route: Parameters<typeof serializerCompiler>[0]) => {
    const serialize = serializerCompiler(route);
    const memo = new WeakMap<object, string>();
    return (data: unknown) => {
      if (!data || typeof data !== 'object' || !Object.isFrozen(data)) return serialize(data);
      let json = memo.get(data);
      if (json === undefined) {
        memo.set(data, (json = serialize(data)));
        markReusableAnswer(json);
      }
      return json;
    };
  });
  await app.register(cookie);
  installSecurityHeaders(app, {
    helmet: {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          // Ant Design and the API docs inject styles at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          scriptSrc: ["'self'"],
          connectSrc: ["'self'"],
          fontSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
      // HSTS only on answers that went over HTTPS (a plain-HTTP intranet install must not tell
      // browsers to refuse it for half a year).
      strictTransportSecurity: false,
    },
    hsts: (protocol) => config.cookieSecure === true || (config.cookieSecure === 'auto' && protocol === 'https'),
  });
  await installCompression(app);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'AnSinh API', version: '1', description: OPENAPI_DESCRIPTION },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ansinh_sid' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  if (config.apiDocs) await app.register(swaggerUi, { routePrefix: '/api/docs' });

  installErrorHandler(app, fs.existsSync(path.join(config.webDist, 'index.html')) ? config.webDist : null);
  installAuthHooks(app, services.auth);
  installNulGuard(app);
  const metrics = installMetrics(app);

  if (config.apiDocs)
    app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());
  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, () => ({ status: 'ok' }));
  app.get('/readyz', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) => {
    try {
      await sql`select 1`.execute(database.db);
      return { status: 'ready', database: database.dialect };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: database.dialect });
    }
  });
  // Prometheus scrapes with the configured bearer token; without one, only from this machine.
  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
    if (!metricsAllowed(req.headers.authorization, req.socket.remoteAddress, config.metricsToken))
      throw config.metricsToken ? errors.unauthenticated() : errors.notFound('Trang');
    reply.type(metrics.contentType);
    return metrics.metrics();
  });

  await app.register(authRoutes(services.auth, { secure: config.cookieSecure, ttlMs: config.sessionTtlMs }));
  await app.register(areasRoutes(services.areas));
  await app.register(usersRoutes(services.users));
  await app.register(agenciesRoutes(services.agencies));
  await app.register(auditRoutes(services.audit));
  await app.register(backgroundJobsRoutes(services.jobs));
  await app.register(multipart, { limits: { files: 1, fileSize: 20 * 1024 * 1024 } });
  await app.register(registryRoutes(services.registry, services.registryImport));
  await app.register(programsRoutes(services.programs));
  await app.register(dossiersRoutes(services.dossiers));
  await app.register(meritRoutes(services.merit));
  await app.register(reportsRoutes(services.reports));
  await app.register(petitionsRoutes(services.petitions));
  await app.register(employmentRoutes(services.employment));
  await app.register(povertyRoutes(services.poverty));
  await app.register(interopRoutes(services.interop));
  await app.register(inboxRoutes(services.inbox));
  await app.register(organisationRoutes(services.organisation));
  await app.register(activitiesRoutes(services.activities));

  if (fs.existsSync(path.join(config.webDist, 'index.html'))) await registerWebAssets(app, config.webDist);
  // Running jobs finish (or are handed back to the queue) before the database closes.
  app.addHook('onClose', () => services.cluster.close());
  return { app: app as unknown as FastifyInstance, services };
}

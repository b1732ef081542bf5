import { z } from 'zod';
import path from 'node:path';

/**
 * Every environment variable AnSinh reads, parsed once and frozen. The README's
 * "Configuration" section lists the same names; keep the two in step.
 */
const Env = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(8080),
    HOST: z.string().default('0.0.0.0'),
    /** postgres://… selects PostgreSQL; otherwise SQLite at SQLITE_PATH. */
    DATABASE_URL: z.string().optional(),
    SQLITE_PATH: z.string().default('var/ansinh.db'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Set when AnSinh is served over HTTPS (directly or behind a proxy): cookies get Secure. */
    COOKIE_SECURE: z.enum(['true', 'false', 'auto']).default('auto'),
    /** Trust X-Forwarded-For from a reverse proxy (for the client address in audit and throttling). */
    TRUST_PROXY: z.enum(['true', 'false']).default('false'),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    /** Failed logins allowed per (account, address) (and 4x per address) in the throttle window. */
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
    LOGIN_WINDOW_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    /** Citizen IDs held outside their area an officer may meet in 24 hours before 429 (no ID oracle). */
    REGISTRY_ID_CONFLICTS_PER_DAY: z.coerce.number().int().min(1).max(10_000).default(20),
    ANSINH_DEMO_PASSWORD: z.string().min(10).optional(),
    /** Seed the demo province when the database is empty (npm start sets it). */
    ANSINH_SEED_DEMO: z.enum(['true', 'false']).default('false'),
    /** Synthetic persons the demo seed puts in the registry (0: none). */
    ANSINH_DEMO_PERSONS: z.coerce.number().int().min(0).max(2_000_000).default(20_000),
    /** Directory of the built web app; served at / when it exists. */
    WEB_DIST: z.string().optional(),
    /** Directory of the shipped reference data (areas, ethnic groups…). */
    DATA_DIR: z.string().optional(),
    /** Where notifications to applicants go: the server log, an SMS gateway, or nowhere. */
    ANSINH_NOTIFY_CHANNEL: z.enum(['log', 'sms', 'none']).default('log'),
    ANSINH_SMS_URL: z.url().optional(),
    ANSINH_SMS_TOKEN: z.string().optional(),
    /** Bearer token Prometheus sends for /metrics; without one, /metrics answers only on loopback. */
    METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN: ít nhất 16 ký tự / at least 16 characters').optional(),
    /** The API documentation at /api/docs and /api/openapi.json: public, or off in production. */
    API_DOCS: z.enum(['public', 'off']).default('public'),
    /** The address partners reach this AnSinh at (callback addresses given to a CRVS registry). */
    ANSINH_PUBLIC_URL: z.url().optional(),
    /** AnSinh's Ed25519 private key (PEM) to sign SPDCI answers and callbacks; unset: unsigned. */
    ANSINH_DCI_SIGNING_KEY: z.string().optional(),
    /**
     * A background job's lease (seconds): the server running it renews it; when that server dies,
     * another takes the job up once the lease has run out (docs/operations/several-servers.md).
     */
    ANSINH_JOB_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(60),
  })
  .refine((e) => e.ANSINH_NOTIFY_CHANNEL !== 'sms' || !!e.ANSINH_SMS_URL, {
    path: ['ANSINH_SMS_URL'],
    message: 'ANSINH_NOTIFY_CHANNEL=sms cần ANSINH_SMS_URL (địa chỉ cổng SMS) / needs ANSINH_SMS_URL',
  });

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly database:
    { readonly kind: 'sqlite'; readonly path: string } | { readonly kind: 'postgres'; readonly url: string };
  readonly logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  readonly cookieSecure: 'auto' | boolean;
  readonly trustProxy: boolean;
  readonly sessionTtlMs: number;
  readonly loginMaxFailures: number;
  readonly loginWindowMs: number;
  readonly registryIdConflictsPerDay: number;
  readonly demoPassword: string | undefined;
  readonly seedDemo: boolean;
  readonly demoPersons: number;
  readonly webDist: string;
  readonly dataDir: string;
  readonly notify: { readonly channel: 'log' | 'sms' | 'none'; readonly smsUrl?: string; readonly smsToken?: string };
  readonly metricsToken: string | undefined;
  readonly apiDocs: boolean;
  readonly publicUrl: string;
  readonly dciSigningKey: string | undefined;
  readonly jobLeaseMs: number;
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** Parse the environment; throws with every bad variable named, in Vietnamese and English. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình không hợp lệ (invalid configuration):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const url = e.DATABASE_URL?.trim();
  const config: Config = {
    port: e.PORT,
    host: e.HOST,
    database:
      url && /^postgres(ql)?:\/\//.test(url)
        ? { kind: 'postgres', url }
        : { kind: 'sqlite', path: path.resolve(repoRoot, e.SQLITE_PATH) },
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE === 'auto' ? 'auto' : e.COOKIE_SECURE === 'true',
    trustProxy: e.TRUST_PROXY === 'true',
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginWindowMs: e.LOGIN_WINDOW_MINUTES * 60_000,
    registryIdConflictsPerDay: e.REGISTRY_ID_CONFLICTS_PER_DAY,
    demoPassword: e.ANSINH_DEMO_PASSWORD,
    seedDemo: e.ANSINH_SEED_DEMO === 'true',
    demoPersons: e.ANSINH_DEMO_PERSONS,
    webDist: path.resolve(repoRoot, e.WEB_DIST ?? 'packages/web/dist'),
    dataDir: path.resolve(repoRoot, e.DATA_DIR ?? 'data'),
    notify: { channel: e.ANSINH_NOTIFY_CHANNEL, smsUrl: e.ANSINH_SMS_URL, smsToken: e.ANSINH_SMS_TOKEN },
    metricsToken: e.METRICS_TOKEN,
    apiDocs: e.API_DOCS === 'public',
    publicUrl: e.ANSINH_PUBLIC_URL ?? `http://127.0.0.1:${e.PORT}`,
    dciSigningKey: e.ANSINH_DCI_SIGNING_KEY,
    jobLeaseMs: e.ANSINH_JOB_LEASE_SECONDS * 1000,
  };
  return Object.freeze(config);
}

import { z } from 'zod';

const blankIsUnset = (value: unknown) => (value === '' ? undefined : value);
const optionalText = z.preprocess(blankIsUnset, z.string().optional());
const port = (fallback: number) => z.preprocess(blankIsUnset, z.coerce.number().int().min(1).max(65535).default(fallback));
const flag = (fallback: boolean) =>
  z.preprocess(blankIsUnset, z.enum(['true', 'false', '1', '0']).default(fallback ? 'true' : 'false').transform((v) => v === 'true' || v === '1'));
const positive = (fallback: number) => z.preprocess(blankIsUnset, z.coerce.number().int().positive().default(fallback));

/** Every environment variable the platform reads; README's configuration table mirrors it. */
export const platformConfigSchema = z.object({
  DATABASE_URL: z.preprocess(
    blankIsUnset,
    z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  ),
  DATABASE_POOL_SIZE: positive(20),
  UPOPS_DATA_DIR: z.preprocess(blankIsUnset, z.string().default('./data')),
  UPOPS_EMBEDDED_PG_PORT: port(54329),
  API_HOST: z.preprocess(blankIsUnset, z.string().default('127.0.0.1')),
  API_PORT: port(3000),
  LOG_LEVEL: z.preprocess(blankIsUnset, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  KAFKA_BROKERS: optionalText,
  KAFKA_CLIENT_ID: z.preprocess(blankIsUnset, z.string().default('upops')),
  KAFKA_TOPIC_PREFIX: z.preprocess(blankIsUnset, z.string().regex(/^[A-Za-z0-9._-]+$/).default('upops')),
  JWT_SECRET: z.preprocess(blankIsUnset, z.string().min(32, 'must be at least 32 characters').optional()),
  ACCESS_TOKEN_TTL_SECONDS: positive(900),
  REFRESH_TOKEN_TTL_DAYS: positive(14),
  INVITATION_TTL_DAYS: positive(14),
  LOGIN_MAX_FAILURES: positive(5),
  LOGIN_LOCK_MINUTES: positive(15),
  LOGIN_ATTEMPTS_PER_MINUTE: positive(10),
  PASSWORD_HASH_ROUNDS: z.preprocess(blankIsUnset, z.coerce.number().int().min(4).max(15).default(10)),
  GRAPHQL_INTROSPECTION: flag(false),
  GRAPHQL_MAX_DEPTH: positive(12),
  GRAPHQL_MAX_ALIASES: positive(20),
  GRAPHQL_MAX_COST: positive(5000),
  UPOPS_DEMO_DATA: flag(true),
  SUBSCRIPTION_BATCH_SIZE: positive(500),
  SUBSCRIPTION_POLL_MS: positive(1000),
  QAQC_TOTAL_JUMP_FACTOR: z.preprocess(blankIsUnset, z.coerce.number().gt(1, 'must be a factor above 1').default(10)),
  // "2024=2027-06-30T23:59:59Z,2025=..." : after it, a Party's submission for that year can no longer be superseded.
  RESUBMISSION_DEADLINES: z.preprocess(
    blankIsUnset,
    z
      .string()
      .regex(/^\s*\d{4}=[^,=]+(,\s*\d{4}=[^,=]+)*\s*$/, 'must read like 2024=2027-06-30T23:59:59Z,2025=2028-06-30')
      .refine((text) => text.split(',').every((pair) => !Number.isNaN(Date.parse(pair.split('=')[1].trim()))), 'each deadline must be a date (ISO 8601)')
      .optional(),
  ),
});

export type PlatformEnvironment = z.infer<typeof platformConfigSchema>;

export interface PlatformConfig {
  database: { url: string | undefined; poolSize: number; dataDir: string; embeddedPort: number };
  api: { host: string; port: number };
  logLevel: PlatformEnvironment['LOG_LEVEL'];
  kafka: { brokers: string[]; clientId: string; topicPrefix: string } | undefined;
  subscriptions: { batchSize: number; pollIntervalMs: number };
  identity: {
    jwtSecret: string | undefined;
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    invitationTtlDays: number;
    maxFailedLogins: number;
    lockMinutes: number;
    loginAttemptsPerMinute: number;
    passwordHashRounds: number;
  };
  graphql: { introspection: boolean; maxDepth: number; maxAliases: number; maxCost: number };
  demoData: boolean;
  review: { totalJumpFactor: number; resubmissionDeadlines: Record<number, string> };
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment once; throws ConfigError naming each bad variable. */
export function loadPlatformConfig(env: Record<string, string | undefined>): PlatformConfig {
  const parsed = platformConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? '?'), message: issue.message })),
    );
  }
  const e = parsed.data;
  const brokers = (e.KAFKA_BROKERS ?? '').split(',').map((b) => b.trim()).filter(Boolean);
  return {
    database: { url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE, dataDir: e.UPOPS_DATA_DIR, embeddedPort: e.UPOPS_EMBEDDED_PG_PORT },
    api: { host: e.API_HOST, port: e.API_PORT },
    logLevel: e.LOG_LEVEL,
    kafka: brokers.length ? { brokers, clientId: e.KAFKA_CLIENT_ID, topicPrefix: e.KAFKA_TOPIC_PREFIX } : undefined,
    subscriptions: { batchSize: e.SUBSCRIPTION_BATCH_SIZE, pollIntervalMs: e.SUBSCRIPTION_POLL_MS },
    identity: {
      jwtSecret: e.JWT_SECRET,
      accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
      invitationTtlDays: e.INVITATION_TTL_DAYS,
      maxFailedLogins: e.LOGIN_MAX_FAILURES,
      lockMinutes: e.LOGIN_LOCK_MINUTES,
      loginAttemptsPerMinute: e.LOGIN_ATTEMPTS_PER_MINUTE,
      passwordHashRounds: e.PASSWORD_HASH_ROUNDS,
    },
    graphql: { introspection: e.GRAPHQL_INTROSPECTION, maxDepth: e.GRAPHQL_MAX_DEPTH, maxAliases: e.GRAPHQL_MAX_ALIASES, maxCost: e.GRAPHQL_MAX_COST },
    demoData: e.UPOPS_DEMO_DATA,
    review: { totalJumpFactor: e.QAQC_TOTAL_JUMP_FACTOR, resubmissionDeadlines: deadlinesOf(e.RESUBMISSION_DEADLINES) },
  };
}

/** For a process's entry point: a bad variable ends the process with a message naming it. */
export function loadPlatformConfigOrExit(env: Record<string, string | undefined> = process.env): PlatformConfig {
  try {
    return loadPlatformConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** For a process that cannot run without a setting the schema leaves optional: exit naming it. */
export function requireSetting<T>(value: T | undefined, variable: string, requiredBy: string): T {
  if (value !== undefined) return value;
  process.stderr.write(`Invalid configuration:\n  ${variable}: required by ${requiredBy}\n`);
  process.exit(1);
}

function deadlinesOf(text: string | undefined): Record<number, string> {
  if (!text) return {};
  return Object.fromEntries(
    text.split(',').map((pair) => {
      const [year, deadline] = pair.split('=');
      return [Number(year.trim()), new Date(deadline.trim()).toISOString()];
    }),
  );
}

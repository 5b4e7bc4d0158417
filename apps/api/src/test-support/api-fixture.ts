import type { INestApplication } from '@nestjs/common';
import { CatalogueService, ensureShippedEdition } from '@upops/catalogue';
import { loadPlatformConfig } from '@upops/config';
import { IdentityService, seedDemoAccounts, shippedDemoAccounts } from '@upops/identity';
import { AppendNotifier, PostgresEventStore, SubscriptionRunner } from '@upops/event-store';
import { platformMigrations, platformSubscriptionHandlers } from '@upops/platform';
import { createTestDatabase, graphqlRequest, type TestDatabase } from '@upops/testing';
import { startApi } from '../create-api-app';

export const TEST_JWT_SECRET = 'test-secret-for-integration-tests-only-0123456789';

/** Role tokens of the demo accounts, by a short name, for the role x operation matrices. */
export type Persona =
  | 'secretariat'
  | 'expert'
  | 'kenCoordinator'
  | 'kenDrafter'
  | 'kenReviewer'
  | 'secretariatReviewer'
  | 'kenObserver'
  | 'ecuCoordinator'
  | 'ecuDrafter';

const PERSONA_EMAILS: Record<Persona, string> = {
  secretariat: 'secretariat@demo.upops.org',
  expert: 'expert@demo.upops.org',
  kenCoordinator: 'coordinator@ken.demo.upops.org',
  kenDrafter: 'drafter@ken.demo.upops.org',
  kenReviewer: 'reviewer@ken.demo.upops.org',
  secretariatReviewer: 'secretariat-reviewer@demo.upops.org',
  kenObserver: 'observer@ken.demo.upops.org',
  ecuCoordinator: 'coordinator@ecu.demo.upops.org',
  ecuDrafter: 'drafter@ecu.demo.upops.org',
};

export interface ApiFixture {
  db: TestDatabase;
  app: INestApplication;
  base: string;
  graphqlUrl: string;
  identity: IdentityService;
  tokens: Record<Persona, string>;
  accountIds: Record<Persona, string>;
  demoPassword: string;
  /** A GraphQL call as a persona (or anonymous, or with a raw token). */
  as<T = Record<string, unknown>>(who: Persona | { token: string } | undefined, query: string, variables?: Record<string, unknown>): ReturnType<typeof graphqlRequest<T>>;
  close(): Promise<void>;
}

/** The api on a database of its own, with the demo accounts and a signed-in token per persona. */
export async function startApiFixture(env: Record<string, string> = {}): Promise<ApiFixture> {
  const db = await createTestDatabase({ migrations: platformMigrations, poolSize: 10 });
  const config = loadPlatformConfig({ LOG_LEVEL: 'silent', PASSWORD_HASH_ROUNDS: '4', LOGIN_ATTEMPTS_PER_MINUTE: '1000', JWT_SECRET: TEST_JWT_SECRET, ...env });
  const { app, url: base } = await startApi({
    ...config,
    api: { host: '127.0.0.1', port: 0 },
    database: { ...config.database, url: db.url, poolSize: 10 },
    identity: { ...config.identity, jwtSecret: TEST_JWT_SECRET },
  });
  // The worker's subscriptions, in this process: read models (inventories) follow the edits.
  const notifier = new AppendNotifier(db.pool);
  await notifier.start();
  const store = new PostgresEventStore(db.pool);
  const runners = platformSubscriptionHandlers(db.pool).map((handler) => new SubscriptionRunner(db.pool, store, handler, notifier, { pollIntervalMs: 200 }));
  for (const runner of runners) runner.start();
  const identity = app.get(IdentityService);
  await seedDemoAccounts(identity);
  await ensureShippedEdition(app.get(CatalogueService));
  const { password } = shippedDemoAccounts();
  const graphqlUrl = `${base}/graphql`;
  const tokens = {} as Record<Persona, string>;
  const accountIds = {} as Record<Persona, string>;
  for (const [persona, email] of Object.entries(PERSONA_EMAILS) as [Persona, string][]) {
    const session = await identity.login({ email, password }, `fixture-${persona}`);
    tokens[persona] = session.accessToken;
    accountIds[persona] = session.actor.accountId;
  }
  return {
    db,
    app,
    base,
    graphqlUrl,
    identity,
    tokens,
    accountIds,
    demoPassword: password,
    as: (who, query, variables = {}) => {
      const token = who === undefined ? undefined : typeof who === 'string' ? tokens[who] : who.token;
      return graphqlRequest(graphqlUrl, query, variables, token ? { authorization: `Bearer ${token}` } : {});
    },
    close: async () => {
      await Promise.all(runners.map((r) => r.stop()));
      await notifier.stop();
      await app.close();
      await db.drop();
    },
  };
}

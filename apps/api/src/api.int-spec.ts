import { PostgresEventStore } from '@upops/event-store';
import { collectSubscription, graphqlRequest, graphqlWsClient, type TestDatabase } from '@upops/testing';
import { type ApiFixture, startApiFixture } from './test-support/api-fixture';

describe('api over HTTP and WebSocket', () => {
  let fixture: ApiFixture;
  let db: TestDatabase;
  let base: string;

  beforeAll(async () => {
    fixture = await startApiFixture();
    ({ db, base } = fixture);
  });
  afterAll(() => fixture?.close());

  it('answers the GraphQL health query with database reachability and the event store head', async () => {
    const store = new PostgresEventStore(db.pool);
    await store.append('health-s', [{ type: 'T', data: {} }, { type: 'T', data: {} }], { streamType: 't', expectedVersion: 'any', metadata: { actor: 'a' } });
    const response = await graphqlRequest<{ health: { status: string; databaseReachable: boolean; eventStoreHead: string; databaseLatencyMs: number } }>(
      `${base}/graphql`,
      '{ health { status databaseReachable databaseLatencyMs eventStoreHead subscriptions { name lag } } }',
    );
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    expect(response.data?.health).toMatchObject({ status: 'up', databaseReachable: true, eventStoreHead: (await store.headPosition()).toString() });
    expect(response.data?.health.databaseLatencyMs).toBeGreaterThan(0);
  });

  it('serves GET /health through terminus', async () => {
    const response = await fetch(`${base}/health`);
    const body = (await response.json()) as { status: string; info: { database: { status: string }; eventStore: { headPosition: string } } };
    expect(response.status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.info.database.status).toBe('up');
    expect(body.info.eventStore.headPosition).toMatch(/^\d+$/);
  });

  it('answers a malformed query with a typed 400 error, not a 500', async () => {
    const response = await graphqlRequest(`${base}/graphql`, '{ health { noSuchField } }');
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('pushes the new head to graphql-ws subscribers after an append', async () => {
    const client = graphqlWsClient(`${base}/graphql`, { authorization: `Bearer ${fixture.tokens.kenDrafter}` });
    const store = new PostgresEventStore(db.pool);
    try {
      const { ready, done } = collectSubscription<{ eventStoreHeadChanged: { position: string } }>(
        client,
        'subscription { eventStoreHeadChanged { position observedAt } }',
        1,
      );
      await ready;
      const appended = await store.append('sub-s', [{ type: 'T', data: {} }], { streamType: 't', expectedVersion: 'any', metadata: { actor: 'a' } });
      const [payload] = await done;
      expect(BigInt(payload.eventStoreHeadChanged.position)).toBeGreaterThanOrEqual(appended.lastPosition);
    } finally {
      await client.dispose();
    }
  });
});

import type { PoolClient } from 'pg';
import { AppendNotifier, eventStoreMigrations, PostgresEventStore, type RecordedEvent } from '@upops/event-store';
import { createTestDatabase, eventually, type TestDatabase } from '@upops/testing';
import { PostgresEventBus } from './postgres-event-bus';

describe('PostgresEventBus', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrations: eventStoreMigrations });
    await db.pool.query('CREATE TABLE bus_effects (handler text, position bigint)');
  });
  afterAll(() => db.drop());

  it('delivers every event to every registered handler, live', async () => {
    const store = new PostgresEventStore(db.pool);
    const notifier = new AppendNotifier(db.pool);
    await notifier.start();
    const bus = new PostgresEventBus(db.pool, store, notifier, { pollIntervalMs: 30_000 });
    const handler = (name: string) => ({
      name,
      async handle(events: readonly RecordedEvent[], tx: PoolClient) {
        for (const e of events) await tx.query('INSERT INTO bus_effects VALUES ($1, $2)', [name, e.globalPosition.toString()]);
      },
    });
    bus.register(handler('first'));
    bus.register(handler('second'));
    expect(() => bus.register(handler('first'))).toThrow('already registered');
    await bus.start();
    for (let i = 0; i < 10; i++) {
      await store.append('bus-s', [{ type: 'T', data: { i } }], { streamType: 't', expectedVersion: 'any', metadata: { actor: 'a' } });
    }
    const count = () =>
      db.pool.query<{ handler: string; n: string; distinct_n: string }>(
        'SELECT handler, count(*) AS n, count(DISTINCT position) AS distinct_n FROM bus_effects GROUP BY handler ORDER BY handler',
      );
    const result = await eventually(count, (r) => r.rows.length === 2 && r.rows.every((row) => Number(row.n) >= 10));
    expect(result.rows.map((r) => [r.handler, Number(r.n), Number(r.distinct_n)])).toEqual([['first', 10, 10], ['second', 10, 10]]);
    await bus.stop();
    await notifier.stop();
  });
});

import type { PoolClient } from 'pg';
import { eventStoreMigrations, PostgresEventStore, type RecordedEvent, START_OF_ALL } from '@upops/event-store';
import { createTestDatabase, eventually, type TestDatabase } from '@upops/testing';
import { messagingMigrations } from '../index';
import { deliverOnce } from './inbox';

describe('deliverOnce (the consumer inbox)', () => {
  let db: TestDatabase;
  let events: RecordedEvent[];
  const handled: bigint[] = [];
  const handler = {
    name: 'inbox-test',
    async handle(batch: readonly RecordedEvent[], tx: PoolClient) {
      for (const e of batch) await tx.query('INSERT INTO inbox_effects (position) VALUES ($1)', [e.globalPosition.toString()]);
      handled.push(...batch.map((e) => e.globalPosition));
    },
  };

  beforeAll(async () => {
    db = await createTestDatabase({ migrations: [...eventStoreMigrations, ...messagingMigrations] });
    await db.pool.query('CREATE TABLE inbox_effects (position bigint NOT NULL)');
    const store = new PostgresEventStore(db.pool);
    for (let i = 0; i < 5; i++) {
      await store.append(`s-${i % 2}`, [{ type: 'T', data: { i } }], { streamType: 't', expectedVersion: 'any', metadata: { actor: 'a' } });
    }
    // Readers wait for transactions open elsewhere on the cluster (other test files).
    events = await eventually(() => store.readAll(START_OF_ALL, 100), (read) => read.length === 5);
  });
  afterAll(() => db.drop());

  it('applies each position once per consumer group, however often it is delivered', async () => {
    expect(await deliverOnce(db.pool, 'g1', events.slice(0, 3), handler)).toHaveLength(3);
    expect(await deliverOnce(db.pool, 'g1', events, handler)).toHaveLength(2);
    expect(await deliverOnce(db.pool, 'g1', events, handler)).toHaveLength(0);
    const { rows } = await db.pool.query<{ n: string }>('SELECT count(*) AS n FROM inbox_effects');
    expect(Number(rows[0].n)).toBe(5);
    expect(await deliverOnce(db.pool, 'g2', events, handler)).toHaveLength(5);
  });

  it('records nothing when the handler fails, so the redelivery is applied', async () => {
    const failing = { name: 'fails', handle: async () => Promise.reject(new Error('projection down')) };
    await expect(deliverOnce(db.pool, 'g3', events, failing)).rejects.toThrow('projection down');
    expect(await deliverOnce(db.pool, 'g3', events, handler)).toHaveLength(5);
  });
});

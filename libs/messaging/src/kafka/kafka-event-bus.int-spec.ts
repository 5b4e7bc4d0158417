import { randomBytes } from 'node:crypto';
import type { PoolClient } from 'pg';
import { AppendNotifier, eventStoreMigrations, PostgresEventStore, type RecordedEvent } from '@upops/event-store';
import { createTestDatabase, eventually, type TestDatabase } from '@upops/testing';
import { messagingMigrations } from '../index';
import { KafkaEventBus } from './kafka-event-bus';

const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').map((b) => b.trim()).filter(Boolean);

if (brokers.length === 0) {
  // Said loudly, once: a skipped Kafka path must never pass for a tested one.
  process.stdout.write('[upops] SKIPPED Kafka integration tests: KAFKA_BROKERS is not set (no broker on this machine)\n');
}

// Runs only against a real broker (KAFKA_BROKERS); otherwise reported as skipped above.
const describeWithBroker = brokers.length ? describe : describe.skip;

describeWithBroker('KafkaEventBus against a real broker (KAFKA_BROKERS)', () => {
  let db: TestDatabase;
  const prefix = `upops-test-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    db = await createTestDatabase({ migrations: [...eventStoreMigrations, ...messagingMigrations] });
    await db.pool.query('CREATE TABLE kafka_effects (stream_id text, version int, position bigint)');
  });
  afterAll(() => db.drop());

  it('relays events in per-stream order to a consumer group and applies redeliveries once', async () => {
    const store = new PostgresEventStore(db.pool);
    const notifier = new AppendNotifier(db.pool);
    await notifier.start();
    const handler = {
      name: 'kafka-it',
      streamTypes: ['inventory'],
      async handle(events: readonly RecordedEvent[], tx: PoolClient) {
        for (const e of events) {
          await tx.query('INSERT INTO kafka_effects VALUES ($1, $2, $3)', [e.streamId, e.streamVersion, e.globalPosition.toString()]);
        }
      },
    };
    const settings = { brokers, clientId: 'upops-it', topicPrefix: prefix, partitions: 3, maxMessagesPerSend: 7 };
    const bus = new KafkaEventBus(db.pool, store, notifier, settings, { relay: true, subscription: { pollIntervalMs: 200 } });
    bus.register(handler);
    await bus.start();
    for (let i = 0; i < 30; i++) {
      await store.append(`inv-${i % 4}`, [{ type: 'ActivityRecorded', data: { i } }], { streamType: 'inventory', expectedVersion: 'any', metadata: { actor: 'a' } });
    }
    const rows = async () => (await db.pool.query<{ stream_id: string; version: number }>('SELECT stream_id, version FROM kafka_effects ORDER BY position')).rows;
    await eventually(rows, (r) => r.length === 30, { timeoutMs: 60_000 });

    // Make the relay publish everything again: consumers must change nothing.
    await db.pool.query(`UPDATE es_subscriptions SET last_transaction_id = '0'::xid8, last_position = 0 WHERE name = 'kafka-relay'`);
    await store.append('inv-0', [{ type: 'ActivityRecorded', data: { i: 30 } }], { streamType: 'inventory', expectedVersion: 'any', metadata: { actor: 'a' } });
    const after = await eventually(rows, (r) => r.length >= 31, { timeoutMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await rows()).toHaveLength(31);
    for (const stream of ['inv-0', 'inv-1', 'inv-2', 'inv-3']) {
      const versions = after.filter((r) => r.stream_id === stream).map((r) => r.version);
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
    }
    await bus.stop();
    await notifier.stop();
  }, 120_000);
});

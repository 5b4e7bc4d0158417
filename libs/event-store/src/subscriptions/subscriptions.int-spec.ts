import type { PoolClient } from 'pg';
import { createTestDatabase, eventually, type TestDatabase } from '@upops/testing';
import type { NewEvent, RecordedEvent } from '../event.types';
import { eventStoreMigrations } from '../index';
import { PostgresEventStore } from '../postgres-event-store';
import { AppendNotifier } from './append-notifier';
import { SubscriptionCheckpoints } from './subscription-checkpoints';
import { SubscriptionBusy, SubscriptionRunner } from './subscription-runner';
import type { SubscriptionHandler } from './subscription.types';

const meta = { actor: 'tester' };
const ev = (n: number): NewEvent => ({ type: 'Counted', data: { n } });

/** A read model in PostgreSQL: per stream, how many events and which n values, in order. */
class CountingProjection implements SubscriptionHandler {
  failOnce = false;
  constructor(readonly name: string) {}

  async handle(events: readonly RecordedEvent[], tx: PoolClient): Promise<void> {
    for (const event of events) {
      await tx.query(
        `INSERT INTO test_counts (subscription, stream_id, n, seen) VALUES ($1, $2, 1, ARRAY[$3::int])
         ON CONFLICT (subscription, stream_id) DO UPDATE SET n = test_counts.n + 1, seen = test_counts.seen || $3::int`,
        [this.name, event.streamId, (event.data as { n: number }).n],
      );
    }
    if (this.failOnce) {
      this.failOnce = false;
      throw new Error('crash after writing the read model, before the checkpoint');
    }
  }

  async reset(tx: PoolClient): Promise<void> {
    await tx.query('DELETE FROM test_counts WHERE subscription = $1', [this.name]);
  }
}

describe('subscriptions', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase({ migrations: eventStoreMigrations });
    store = new PostgresEventStore(db.pool);
    await db.pool.query(
      `CREATE TABLE test_counts (subscription text, stream_id text, n int NOT NULL, seen int[] NOT NULL,
       PRIMARY KEY (subscription, stream_id))`,
    );
  });
  afterAll(() => db.drop());

  async function readModel(name: string): Promise<Record<string, number[]>> {
    const { rows } = await db.pool.query<{ stream_id: string; seen: number[] }>(
      'SELECT stream_id, seen FROM test_counts WHERE subscription = $1',
      [name],
    );
    return Object.fromEntries(rows.map((r) => [r.stream_id, r.seen]));
  }

  function pick(model: Record<string, number[]>, ...keys: string[]): Record<string, number[]> {
    return Object.fromEntries(keys.filter((k) => k in model).map((k) => [k, model[k]]));
  }

  /** Open transactions hold back every reader on the cluster: always close them. */
  const open: PoolClient[] = [];
  afterEach(async () => {
    for (const client of open.splice(0)) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
    }
  });

  /** Opens a transaction on its own connection and makes it take a transaction id now. */
  async function openTransaction(): Promise<PoolClient> {
    const client = await db.pool.connect();
    await client.query('BEGIN');
    await client.query('SELECT pg_current_xact_id()');
    open.push(client);
    return client;
  }

  it('never skips an event whose transaction commits after a later position became visible', async () => {
    const projection = new CountingProjection('late-commit');
    const runner = new SubscriptionRunner(db.pool, store, projection, undefined, { batchSize: 10 });

    // A takes its transaction id first, B second; B takes the lower position, A the higher.
    const a = await openTransaction();
    const b = await openTransaction();
    await store.append('late-b', [ev(1)], { streamType: 't', expectedVersion: 'any', metadata: meta }, b);
    await store.append('late-a', [ev(2)], { streamType: 't', expectedVersion: 'any', metadata: meta }, a);
    await b.query('COMMIT');

    // B is committed, but A (older) is still open: nothing may be delivered past A.
    await runner.catchUp(0);
    expect(await readModel('late-commit')).toEqual({});

    await a.query('COMMIT');
    await runner.catchUp();
    expect(await readModel('late-commit')).toEqual({ 'late-a': [2], 'late-b': [1] });
  });

  it('delivers a younger transaction with a lower position that commits after an older one was processed', async () => {
    const projection = new CountingProjection('late-commit-2');
    const runner = new SubscriptionRunner(db.pool, store, projection, undefined, { batchSize: 10 });
    await runner.catchUp();

    // Y takes its transaction id first; X takes the lower position; Y commits first.
    // Ordered by position alone, X would fall behind the checkpoint Y left and be skipped.
    const y = await openTransaction();
    const x = await openTransaction();
    const xAppend = await store.append('late-x', [ev(1)], { streamType: 't', expectedVersion: 'any', metadata: meta }, x);
    const yAppend = await store.append('late-y', [ev(2)], { streamType: 't', expectedVersion: 'any', metadata: meta }, y);
    expect(xAppend.lastPosition).toBeLessThan(yAppend.lastPosition);
    await y.query('COMMIT');
    await runner.catchUp(0);
    expect(pick(await readModel('late-commit-2'), 'late-x', 'late-y')).toEqual({ 'late-y': [2] });

    await x.query('COMMIT');
    await runner.catchUp();
    expect(pick(await readModel('late-commit-2'), 'late-x', 'late-y')).toEqual({ 'late-y': [2], 'late-x': [1] });
  });

  it('commits read model and checkpoint together: a crash mid-batch applies each event exactly once', async () => {
    const projection = new CountingProjection('crash');
    const runner = new SubscriptionRunner(db.pool, store, projection, undefined, { batchSize: 100 });
    await store.append('crash-1', [ev(1), ev(2), ev(3)], { streamType: 't', expectedVersion: 'any', metadata: meta });
    projection.failOnce = true;
    await expect(runner.catchUp()).rejects.toThrow('crash after writing');
    expect((await readModel('crash'))['crash-1']).toBeUndefined();
    await runner.catchUp();
    await runner.catchUp();
    expect((await readModel('crash'))['crash-1']).toEqual([1, 2, 3]);
  });

  it('runs one active instance per subscription across runners; the other takes over when it stops', async () => {
    const notifier = new AppendNotifier(db.pool);
    await notifier.start();
    const one = new SubscriptionRunner(db.pool, store, new CountingProjection('single'), notifier, { pollIntervalMs: 50, leaseRetryMs: 50 });
    const two = new SubscriptionRunner(db.pool, store, new CountingProjection('single'), notifier, { pollIntervalMs: 50, leaseRetryMs: 50 });
    one.start();
    await eventually(() => one.isActive, Boolean);
    two.start();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(two.isActive).toBe(false);
    await expect(two.catchUp()).rejects.toBeInstanceOf(SubscriptionBusy);

    for (let i = 0; i < 20; i++) {
      await store.append('single-s', [ev(i)], { streamType: 't', expectedVersion: 'any', metadata: meta });
    }
    await eventually(() => readModel('single'), (m) => (m['single-s'] ?? []).length === 20);
    await one.stop();
    await eventually(() => two.isActive, Boolean);
    await store.append('single-s', [ev(20)], { streamType: 't', expectedVersion: 'any', metadata: meta });
    const model = await eventually(() => readModel('single'), (m) => (m['single-s'] ?? []).length === 21);
    expect(model['single-s']).toEqual(Array.from({ length: 21 }, (_, i) => i));
    await two.stop();
    await notifier.stop();
  });

  it('is woken by NOTIFY rather than waiting for its poll', async () => {
    const notifier = new AppendNotifier(db.pool);
    await notifier.start();
    const runner = new SubscriptionRunner(db.pool, store, new CountingProjection('notified'), notifier, { pollIntervalMs: 60_000 });
    runner.start();
    await eventually(() => runner.isActive, Boolean);
    await eventually(() => db.pool.query(`SELECT 1 FROM es_subscriptions WHERE name = 'notified'`), (r) => r.rows.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const appended = await store.append('notify-s', [ev(7)], { streamType: 't', expectedVersion: 'any', metadata: meta });
    const checkpoints = new SubscriptionCheckpoints(db.pool, notifier);
    const reached = await checkpoints.waitUntilReached('notified', { transactionId: appended.transactionId, position: appended.lastPosition }, 5_000);
    expect(reached).toBe(true);
    expect((await readModel('notified'))['notify-s']).toEqual([7]);
    await runner.stop();
    await notifier.stop();
  });

  it('reports a timeout when a subscription does not reach a position', async () => {
    const checkpoints = new SubscriptionCheckpoints(db.pool);
    const reached = await checkpoints.waitUntilReached('nobody-runs-this', { transactionId: 1n, position: 1n }, 100);
    expect(reached).toBe(false);
  });

  it('filters by stream type', async () => {
    const projection = new CountingProjection('only-inventory');
    Object.assign(projection, { streamTypes: ['inventory'] });
    const runner = new SubscriptionRunner(db.pool, store, projection);
    await store.append('inv-1', [ev(1)], { streamType: 'inventory', expectedVersion: 'any', metadata: meta });
    await store.append('cat-1', [ev(2)], { streamType: 'catalogue', expectedVersion: 'any', metadata: meta });
    await runner.catchUp();
    const model = await readModel('only-inventory');
    expect(model['inv-1']).toEqual([1]);
    expect(model['cat-1']).toBeUndefined();
  });

  it('rebuilds: clears the read model, replays everything and reports progress', async () => {
    const projection = new CountingProjection('rebuilt');
    const runner = new SubscriptionRunner(db.pool, store, projection, undefined, { batchSize: 7 });
    await store.append('rebuild-s', [ev(1), ev(2)], { streamType: 't', expectedVersion: 'any', metadata: meta });
    await runner.catchUp();
    const before = await readModel('rebuilt');
    await db.pool.query(`UPDATE test_counts SET seen = '{}' WHERE subscription = 'rebuilt'`);
    const progress: number[] = [];
    const replayed = await runner.rebuild((p) => progress.push(p.processed));
    const { rows } = await db.pool.query<{ n: string }>('SELECT count(*) AS n FROM es_events');
    expect(replayed).toBe(Number(rows[0].n));
    expect(progress[0]).toBe(0);
    expect(progress[progress.length - 1]).toBe(replayed);
    expect(progress.length).toBe(Math.ceil(replayed / 7) + 1);
    expect(await readModel('rebuilt')).toEqual(before);
  });
});

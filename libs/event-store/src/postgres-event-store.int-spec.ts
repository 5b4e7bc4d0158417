import { createTestDatabase, eventually, type TestDatabase } from '@upops/testing';
import { WrongExpectedVersion } from './errors';
import type { EventMetadata, NewEvent } from './event.types';
import { START_OF_ALL } from './event.types';
import { eventStoreMigrations } from './index';
import { PostgresEventStore } from './postgres-event-store';
import { UpcasterChain } from './upcasting/upcaster';

const meta: EventMetadata = { actor: 'user-1', party: 'KEN', correlationId: 'corr-1' };
const recorded = (n: number): NewEvent => ({ type: 'ActivityRecorded', data: { n } });

describe('PostgresEventStore', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase({ migrations: eventStoreMigrations, poolSize: 40 });
    store = new PostgresEventStore(db.pool);
  });
  afterAll(() => db.drop());

  async function eventCount(streamId: string): Promise<number> {
    const { rows } = await db.pool.query<{ n: string }>('SELECT count(*) AS n FROM es_events WHERE stream_id = $1', [streamId]);
    return Number(rows[0].n);
  }

  it('appends and reads a stream with versions 1..n and the metadata given', async () => {
    const first = await store.append('s-basic', [recorded(1), recorded(2)], { streamType: 'test', expectedVersion: 'no_stream', metadata: meta });
    expect(first.nextExpectedVersion).toBe(2);
    expect(first.lastPosition - first.firstPosition).toBe(1n);
    const second = await store.append('s-basic', [recorded(3)], { streamType: 'test', expectedVersion: 2, metadata: { ...meta, causationId: 'c-9' } });
    expect(second.nextExpectedVersion).toBe(3);

    const slice = await store.readStream('s-basic');
    expect(slice.version).toBe(3);
    expect(slice.events.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
    expect(slice.events.map((e) => (e.data as { n: number }).n)).toEqual([1, 2, 3]);
    expect(slice.events[0]).toMatchObject({ streamType: 'test', type: 'ActivityRecorded', schemaVersion: 1, metadata: meta });
    expect(slice.events[2].metadata.causationId).toBe('c-9');
    expect(slice.events[0].recordedAt).toBeInstanceOf(Date);
  });

  it('travels in time: a stream up to a version, or as it was at a moment', async () => {
    await store.append('s-time', [recorded(1), recorded(2)], { streamType: 'test', expectedVersion: 'no_stream', metadata: meta });
    const { rows } = await db.pool.query<{ now: Date }>('SELECT clock_timestamp() AS now');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.append('s-time', [recorded(3)], { streamType: 'test', expectedVersion: 2, metadata: meta });

    expect((await store.readStream('s-time', { toVersion: 1 })).events).toHaveLength(1);
    const asOf = await store.readStream('s-time', { asOf: rows[0].now });
    expect(asOf.version).toBe(2);
    const secondRecordedAt = (await store.readStream('s-time')).events[1].recordedAt;
    expect((await store.readStream('s-time', { asOf: secondRecordedAt })).version).toBe(2);
    expect((await store.readStream('s-time')).version).toBe(3);
  });

  it('rejects a wrong expected version with expected and actual, writing nothing', async () => {
    await store.append('s-wrong', [recorded(1)], { streamType: 'test', expectedVersion: 'no_stream', metadata: meta });
    const attempts: Array<[number | 'no_stream', number]> = [
      [5, 1],
      ['no_stream', 1],
    ];
    for (const [expected, actual] of attempts) {
      const error = await store.append('s-wrong', [recorded(2)], { streamType: 'test', expectedVersion: expected, metadata: meta }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrongExpectedVersion);
      expect(error).toMatchObject({ expected, actual, streamId: 's-wrong' });
    }
    const missing = await store.append('s-missing', [recorded(1)], { streamType: 'test', expectedVersion: 3, metadata: meta }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'WRONG_EXPECTED_VERSION', actual: 0 });
    expect(await eventCount('s-wrong')).toBe(1);
    expect(await eventCount('s-missing')).toBe(0);
    expect(await store.streamVersion('s-missing')).toBe(0);
  });

  it("'any' appends whatever the version", async () => {
    await store.append('s-any', [recorded(1)], { streamType: 'test', expectedVersion: 'any', metadata: meta });
    const result = await store.append('s-any', [recorded(2)], { streamType: 'test', expectedVersion: 'any', metadata: meta });
    expect(result.nextExpectedVersion).toBe(2);
  });

  it('32 parallel appends with the same expected version: one wins, 31 conflict, no gaps', async () => {
    await store.append('s-race', [recorded(0)], { streamType: 'test', expectedVersion: 'no_stream', metadata: meta });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 32 }, (_, i) =>
        store.append('s-race', [recorded(i), recorded(i + 100)], { streamType: 'test', expectedVersion: 1, metadata: meta }),
      ),
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(31);
    for (const o of lost) expect(o.reason).toBeInstanceOf(WrongExpectedVersion);
    expect(lost.every((o) => (o.reason as WrongExpectedVersion).actual === 3)).toBe(true);
    const versions = (await store.readStream('s-race')).events.map((e) => e.streamVersion);
    expect(versions).toEqual([1, 2, 3]);
  });

  it('32 parallel creations of one stream: exactly one no_stream append succeeds', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 32 }, (_, i) => store.append('s-create-race', [recorded(i)], { streamType: 'test', expectedVersion: 'no_stream', metadata: meta })),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(await eventCount('s-create-race')).toBe(1);
  });

  it('appends a command id once and answers a repeat with the first result', async () => {
    const options = { streamType: 'test', expectedVersion: 'no_stream' as const, metadata: { ...meta, commandId: 'cmd-1' } };
    const first = await store.append('s-idem', [recorded(1)], options);
    const repeat = await store.append('s-idem', [recorded(1)], options);
    expect(first.duplicate).toBe(false);
    expect(repeat).toEqual({ ...first, duplicate: true });
    expect(await eventCount('s-idem')).toBe(1);
  });

  it('tells what an earlier append of a command id produced, and nothing for a new id', async () => {
    const options = { streamType: 'test', expectedVersion: 'no_stream' as const, metadata: { ...meta, commandId: 'cmd-lookup' } };
    const first = await store.append('s-lookup', [recorded(1), recorded(2)], options);
    expect(await store.commandResult('cmd-lookup')).toEqual({ ...first, duplicate: true, streamId: 's-lookup' });
    expect(await store.commandResult('cmd-never-sent')).toBeUndefined();
  });

  it('appends concurrent repeats of one command id once', async () => {
    const options = { streamType: 'test', expectedVersion: 'any' as const, metadata: { ...meta, commandId: 'cmd-par' } };
    const results = await Promise.all(Array.from({ length: 8 }, () => store.append('s-idem-par', [recorded(1)], options)));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.lastPosition))).toEqual(new Set([results[0].lastPosition]));
    expect(await eventCount('s-idem-par')).toBe(1);
  });

  it('forgets a command id whose append failed, so a corrected retry can succeed', async () => {
    const metadata = { ...meta, commandId: 'cmd-retry' };
    await expect(store.append('s-retry', [recorded(1)], { streamType: 'test', expectedVersion: 7, metadata })).rejects.toBeInstanceOf(WrongExpectedVersion);
    const retried = await store.append('s-retry', [recorded(1)], { streamType: 'test', expectedVersion: 'no_stream', metadata });
    expect(retried.duplicate).toBe(false);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on events', async () => {
    await store.append('s-immutable', [recorded(1)], { streamType: 'test', expectedVersion: 'no_stream', metadata: meta });
    await expect(db.pool.query(`UPDATE es_events SET data = '{}' WHERE stream_id = 's-immutable'`)).rejects.toMatchObject({ code: 'ES403' });
    await expect(db.pool.query(`DELETE FROM es_events WHERE stream_id = 's-immutable'`)).rejects.toMatchObject({ code: 'ES403' });
    await expect(db.pool.query(`TRUNCATE es_events`)).rejects.toMatchObject({ code: 'ES403' });
    expect(await eventCount('s-immutable')).toBe(1);
  });

  it('upcasts an old event shape on read and leaves the stored row as it was', async () => {
    await store.append('s-old', [{ type: 'FactorSet', schemaVersion: 1, data: { value: 5 } }], { streamType: 'test', expectedVersion: 'no_stream', metadata: meta });
    const upcasting = new PostgresEventStore(
      db.pool,
      new UpcasterChain([
        { eventType: 'FactorSet', fromSchemaVersion: 1, upcast: (d) => ({ amount: (d as { value: number }).value }) },
        { eventType: 'FactorSet', fromSchemaVersion: 2, upcast: (d) => ({ ...(d as object), unit: 'ug TEQ/t' }) },
      ]),
    );
    const [event] = (await upcasting.readStream('s-old')).events;
    expect(event.schemaVersion).toBe(3);
    expect(event.data).toEqual({ amount: 5, unit: 'ug TEQ/t' });
    const { rows } = await db.pool.query(`SELECT data, schema_version FROM es_events WHERE stream_id = 's-old'`);
    expect(rows[0]).toEqual({ data: { value: 5 }, schema_version: 1 });
  });

  it('reads all events in global order in batches', async () => {
    const head = await store.headPosition();
    expect(head).toBeGreaterThan(0n);
    const { rows } = await db.pool.query<{ n: string }>('SELECT count(*) AS n FROM es_events');
    const readEverything = async () => {
      const positions: bigint[] = [];
      let checkpoint = START_OF_ALL;
      for (;;) {
        const batch = await store.readAll(checkpoint, 3);
        if (batch.length === 0) return positions;
        positions.push(...batch.map((e) => e.globalPosition));
        const last = batch[batch.length - 1];
        checkpoint = { transactionId: last.transactionId, position: last.globalPosition };
      }
    };
    // A transaction open elsewhere on the cluster (another test file) holds readers back.
    const seen = await eventually(readEverything, (positions) => positions.length === Number(rows[0].n));
    expect(seen).toHaveLength(Number(rows[0].n));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain(head);
  });
});

describe('PostgresEventStore global order across transaction ids of different lengths', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrations: eventStoreMigrations });
  });
  afterAll(() => db.drop());

  it('orders by transaction id as a number, not as text (9, 99, 100)', async () => {
    // Old committed transaction ids (below any live one), written directly: as text '100' < '9' < '99'.
    await db.pool.query(
      `INSERT INTO es_events (transaction_id, event_id, stream_id, stream_type, stream_version, event_type, schema_version, data, metadata)
       VALUES ('100'::xid8, gen_random_uuid(), 'order-s', 't', 2, 'T', 1, '{}', '{"actor":"a"}'),
              ('99'::xid8, gen_random_uuid(), 'order-s', 't', 1, 'T', 1, '{}', '{"actor":"a"}'),
              ('9'::xid8, gen_random_uuid(), 'order-s', 't', 3, 'T', 1, '{}', '{"actor":"a"}')`,
    );
    const store = new PostgresEventStore(db.pool);
    const read: bigint[] = [];
    let checkpoint = START_OF_ALL;
    for (;;) {
      const [event] = await store.readAll(checkpoint, 1);
      if (!event) break;
      read.push(event.transactionId);
      checkpoint = { transactionId: event.transactionId, position: event.globalPosition };
    }
    expect(read).toEqual([9n, 99n, 100n]);
  });
});

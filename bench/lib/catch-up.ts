import type { Pool, PoolClient } from 'pg';
import {
  type GlobalCheckpoint,
  isAtOrAfter,
  PostgresEventStore,
  type RecordedEvent,
  START_OF_ALL,
  type SubscriptionHandler,
  SubscriptionRunner,
} from '@upops/event-store';

export interface CatchUpStats {
  batchSize: number;
  /** Events the subscription processed before it reported being caught up. */
  events: number;
  /** Events in es_events when the catch-up started: `events` must equal it. */
  stored: number;
  /** Events that arrived at or before the previous one in global order. */
  outOfOrder: number;
  seconds: number;
  eventsPerSecond: number;
}

/**
 * Tops es_events up to `total` events with set-based inserts (es_append per event would
 * take minutes). Inserts are allowed by the append-only guards; only UPDATE/DELETE are not.
 * Each chunk is its own transaction, so the catch-up also crosses transaction boundaries.
 */
export async function seedEvents(
  pool: Pool,
  total: number,
  streams: number,
  chunk: number,
  progress: (line: string) => void,
): Promise<number> {
  const { rows } = await pool.query<{ count: string }>('SELECT count(*) AS count FROM es_events');
  const missing = Math.max(0, total - Number(rows[0].count));
  const started = Date.now();
  for (let from = 0; from < missing; from += chunk) {
    const to = Math.min(missing, from + chunk) - 1;
    await pool.query(
      `INSERT INTO es_events (event_id, stream_id, stream_type, stream_version, event_type, schema_version, data, metadata)
       SELECT gen_random_uuid(), 'seed-' || (i % $3), 'BenchSeed', i / $3 + 1, 'TaskEstimated', 1,
              jsonb_build_object('taskId', 'task-' || i, 'title', 'Prepare the quarterly ops review',
                                 'estimateMinutes', i % 480, 'tags', jsonb_build_array('ops', 'q3'), 'version', i / $3 + 1),
              '{"actor": "user:bench", "party": "party:bench", "correlationId": "00000000-0000-4000-8000-000000000000"}'::jsonb
       FROM generate_series($1::bigint, $2::bigint) AS i`,
      [from, to, streams],
    );
    progress(`  seeded ${(to + 1).toLocaleString('en-US')} / ${missing.toLocaleString('en-US')} (${secondsSince(started)} s)`);
  }
  // A replay in production reads old, long-vacuumed rows; without this the first reader
  // would also pay for setting hint bits on a million fresh tuples.
  await pool.query('VACUUM (ANALYZE) es_events');
  progress(`  vacuumed es_events (${secondsSince(started)} s)`);
  return missing;
}

/**
 * The cheapest possible projection: it only counts, so the figure is the store's read path.
 * It also checks that events arrive in strictly increasing (transactionId, globalPosition)
 * order, the order the checkpoint assumes; any regression means events can be skipped.
 */
class CountingProjection implements SubscriptionHandler {
  count = 0;
  outOfOrder = 0;
  private last: GlobalCheckpoint = START_OF_ALL;
  private nextReport: number;

  constructor(
    readonly name: string,
    private readonly reportEvery: number,
    private readonly progress: (count: number) => void,
  ) {
    this.nextReport = reportEvery;
  }

  async handle(events: readonly RecordedEvent[], _tx: PoolClient): Promise<void> {
    for (const event of events) {
      const at = { transactionId: event.transactionId, position: event.globalPosition };
      if (isAtOrAfter(this.last, at)) this.outOfOrder += 1;
      this.last = at;
    }
    this.count += events.length;
    if (this.count >= this.nextReport) {
      this.nextReport += this.reportEvery;
      this.progress(this.count);
    }
  }
}

/** Replays every event from the start through a fresh subscription with `batchSize`. */
export async function catchUp(pool: Pool, batchSize: number, progress: (line: string) => void): Promise<CatchUpStats> {
  const { rows } = await pool.query<{ count: string }>('SELECT count(*) AS count FROM es_events');
  const stored = Number(rows[0].count);
  const started = process.hrtime.bigint();
  const projection = new CountingProjection(`bench-count-${batchSize}`, 100_000, (count) =>
    progress(`  read ${count.toLocaleString('en-US')} / ${stored.toLocaleString('en-US')} (${secondsSince(started)} s)`),
  );
  const runner = new SubscriptionRunner(pool, new PostgresEventStore(pool), projection, undefined, { batchSize });
  const events = await runner.catchUp();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    batchSize,
    events,
    stored,
    outOfOrder: projection.outOfOrder,
    seconds,
    eventsPerSecond: events / seconds,
  };
}

function secondsSince(started: number | bigint): string {
  const ms = typeof started === 'bigint' ? Number(process.hrtime.bigint() - started) / 1e6 : Date.now() - started;
  return (ms / 1000).toFixed(1);
}

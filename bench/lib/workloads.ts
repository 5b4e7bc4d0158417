import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { EventMetadata, NewEvent, PostgresEventStore } from '@upops/event-store';
import type { Writer } from './measure';

export const RAW_TABLE = 'bench_raw';
const STREAM_TYPE = 'BenchTask';
const EVENT_TYPE = 'TaskEstimated';

/** A payload of a typical size for this platform's events (a few hundred bytes with metadata). */
function eventData(version: number): Record<string, unknown> {
  return { taskId: 'task-0001', title: 'Prepare the quarterly ops review', estimateMinutes: 90, tags: ['ops', 'q3'], version };
}

const METADATA: EventMetadata = { actor: 'user:bench', party: 'party:bench', correlationId: randomUUID() };

/**
 * es_events' columns, constraints, identity and indexes, but none of its triggers or
 * functions: the cost of a plain durable insert on the same table shape.
 */
export async function createRawTable(pool: Pool): Promise<void> {
  await pool.query(`CREATE TABLE ${RAW_TABLE} (LIKE es_events INCLUDING ALL)`);
}

const RAW_COLUMNS = 'event_id, stream_id, stream_type, stream_version, event_type, schema_version, data, metadata';
const rawSqlCache = new Map<number, string>();

/** `INSERT ... VALUES (...), (...)` for `rows` rows; the positions come back like an append's. */
function rawInsertSql(rows: number): string {
  let sql = rawSqlCache.get(rows);
  if (!sql) {
    const tuples = Array.from({ length: rows }, (_, r) => {
      const p = r * 8;
      return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}, $${p + 8})`;
    });
    sql = `INSERT INTO ${RAW_TABLE} (${RAW_COLUMNS}) VALUES ${tuples.join(', ')} RETURNING global_position`;
    rawSqlCache.set(rows, sql);
  }
  return sql;
}

/** Plain inserts of `batch` rows per statement (one autocommit transaction each) on one stream. */
export function rawWriter(client: PoolClient, streamId: string, batch: number): Writer {
  let version = 0;
  const sql = rawInsertSql(batch);
  const metadata = JSON.stringify(METADATA);
  return {
    eventsPerOp: batch,
    async write() {
      const params: unknown[] = [];
      for (let i = 0; i < batch; i++) {
        version += 1;
        params.push(randomUUID(), streamId, STREAM_TYPE, version, EVENT_TYPE, 1, JSON.stringify(eventData(version)), metadata);
      }
      await client.query(sql, params);
    },
  };
}

/**
 * Appends of `batch` events per call on one stream, each with the exact expected version,
 * on `client` in autocommit: the same connection handling as the raw twin.
 */
export function appendWriter(store: PostgresEventStore, client: PoolClient, streamId: string, batch: number): Writer {
  let version = 0;
  return {
    eventsPerOp: batch,
    async write() {
      const events: NewEvent[] = Array.from({ length: batch }, (_, i) => ({
        type: EVENT_TYPE,
        data: eventData(version + i + 1),
      }));
      const result = await store.append(streamId, events, {
        streamType: STREAM_TYPE,
        expectedVersion: version,
        metadata: METADATA,
      }, client);
      version = result.nextExpectedVersion;
    },
  };
}

import { randomUUID } from 'node:crypto';
import type { DatabaseError } from 'pg';
import { InvalidAppend, WrongExpectedVersion } from './errors';
import type {
  AppendOptions,
  AppendResult,
  GlobalCheckpoint,
  NewEvent,
  ReadStreamOptions,
  RecordedEvent,
  StreamSlice,
} from './event.types';
import type { SqlClient } from './sql-client';
import { UpcasterChain } from './upcasting/upcaster';

interface EventRow {
  global_position: string;
  transaction_id_text: string;
  event_id: string;
  stream_id: string;
  stream_type: string;
  stream_version: string;
  event_type: string;
  schema_version: number;
  data: unknown;
  metadata: RecordedEvent['metadata'];
  recorded_at: Date;
}

interface AppendRow {
  next_expected_version: string;
  first_position: string;
  last_position: string;
  transaction_id: string;
  duplicate: boolean;
}

// The text alias must not shadow the xid8 column: ORDER BY would then sort ids as text.
const EVENT_COLUMNS = `global_position, transaction_id::text AS transaction_id_text, event_id, stream_id,
  stream_type, stream_version, event_type, schema_version, data, metadata, recorded_at`;

export class PostgresEventStore {
  private notifying = false;
  private notifyAgain = false;

  constructor(
    private readonly db: SqlClient,
    private readonly upcasters: UpcasterChain = new UpcasterChain(),
  ) {}

  /**
   * Appends events to one stream in one round trip. Pass `client` to append inside a
   * transaction of your own (its commit then publishes the events).
   */
  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
    client: SqlClient = this.db,
  ): Promise<AppendResult> {
    if (events.length === 0) throw new InvalidAppend('an append needs at least one event');
    if (!streamId) throw new InvalidAppend('streamId is required');
    const { kind, version } = expectedVersionParameters(options.expectedVersion);
    const commandId = options.metadata.commandId ?? null;
    const payload = events.map((event) => ({
      id: randomUUID(),
      type: event.type,
      schemaVersion: event.schemaVersion ?? 1,
      data: event.data,
      metadata: options.metadata,
    }));
    try {
      // Named: the server plans it once per connection instead of on every append.
      const { rows } = await client.query<AppendRow>({
        name: 'es_append',
        text: 'SELECT * FROM es_append($1, $2, $3, $4, $5, $6::jsonb)',
        values: [streamId, options.streamType, kind, version, commandId, JSON.stringify(payload)],
      });
      const row = rows[0];
      if (client === this.db && !row.duplicate) this.notifyAppended();
      return {
        nextExpectedVersion: Number(row.next_expected_version),
        firstPosition: BigInt(row.first_position),
        lastPosition: BigInt(row.last_position),
        transactionId: BigInt(row.transaction_id),
        duplicate: row.duplicate,
      };
    } catch (error) {
      throw translateAppendError(error, streamId, options);
    }
  }

  /**
   * Wakes subscribers in every process (LISTEN es_events_appended). Sent after the commit,
   * outside the append's transaction: a NOTIFY inside it would hold PostgreSQL's global
   * notification lock until the commit reached disk, serialising all concurrent appends.
   * Bursts collapse into one notification in flight; a lost one only delays the pollers.
   * Call it after committing a transaction you passed to `append`.
   */
  notifyAppended(): void {
    if (this.notifying) {
      this.notifyAgain = true;
      return;
    }
    this.notifying = true;
    void (async () => {
      try {
        do {
          this.notifyAgain = false;
          await this.db.query(`SELECT pg_notify('es_events_appended', '')`);
        } while (this.notifyAgain);
      } catch {
        // Subscribers poll as well; a failed wake-up only delays them.
      } finally {
        this.notifying = false;
      }
    })();
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}, client: SqlClient = this.db): Promise<StreamSlice> {
    const { rows } = await client.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM es_events
       WHERE stream_id = $1
         AND stream_version >= $2
         AND ($3::bigint IS NULL OR stream_version <= $3)
         -- a JS Date carries milliseconds, recorded_at microseconds: "as of an event's recordedAt" must include that event
         AND ($4::timestamptz IS NULL OR recorded_at < $4::timestamptz + interval '1 millisecond')
       ORDER BY stream_version`,
      [streamId, options.fromVersion ?? 1, options.toVersion ?? null, options.asOf ?? null],
    );
    const events = rows.map((row) => this.toRecorded(row));
    return { streamId, version: events.length ? events[events.length - 1].streamVersion : 0, events };
  }

  /**
   * What an earlier append with this command id produced (a client's retry after a lost
   * response), or undefined when the id is new. Lets a handler answer the retry without deciding
   * the command again against a state that already contains its effect.
   */
  async commandResult(commandId: string, client: SqlClient = this.db): Promise<(AppendResult & { streamId: string }) | undefined> {
    const { rows } = await client.query<{ stream_id: string; result: Record<string, string | number> | null }>(
      'SELECT stream_id, result FROM es_commands WHERE command_id = $1',
      [commandId],
    );
    const row = rows[0];
    if (!row?.result) return undefined;
    return {
      streamId: row.stream_id,
      nextExpectedVersion: Number(row.result.nextExpectedVersion),
      firstPosition: BigInt(row.result.firstPosition),
      lastPosition: BigInt(row.result.lastPosition),
      transactionId: BigInt(row.result.transactionId),
      duplicate: true,
    };
  }

  /** The stream's current version, 0 when it does not exist. */
  async streamVersion(streamId: string, client: SqlClient = this.db): Promise<number> {
    const { rows } = await client.query<{ version: string }>(
      'SELECT version FROM es_streams WHERE stream_id = $1',
      [streamId],
    );
    return rows.length ? Number(rows[0].version) : 0;
  }

  /**
   * Events after `after` in global order, only from transactions that can no longer be
   * overtaken by a late commit (older than the oldest transaction still running).
   */
  async readAll(
    after: GlobalCheckpoint,
    limit: number,
    client: SqlClient = this.db,
    streamTypes?: readonly string[],
  ): Promise<RecordedEvent[]> {
    const { rows } = await client.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM es_events
       WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
         AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
         AND ($4::text[] IS NULL OR stream_type = ANY($4::text[]))
       ORDER BY es_events.transaction_id, es_events.global_position
       LIMIT $3`,
      [after.transactionId.toString(), after.position.toString(), limit, streamTypes ?? null],
    );
    return rows.map((row) => this.toRecorded(row));
  }

  /**
   * True when committed events past `after` are held back because an older transaction is
   * still open: a reader should look again soon rather than wait for the next append.
   */
  async hasHiddenCommits(after: GlobalCheckpoint, client: SqlClient = this.db, streamTypes?: readonly string[]): Promise<boolean> {
    const { rows } = await client.query<{ hidden: boolean }>(
      `SELECT EXISTS (
         SELECT 1 FROM es_events
         WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
           AND transaction_id >= pg_snapshot_xmin(pg_current_snapshot())
           AND ($3::text[] IS NULL OR stream_type = ANY($3::text[]))
       ) AS hidden`,
      [after.transactionId.toString(), after.position.toString(), streamTypes ?? null],
    );
    return rows[0].hidden;
  }

  /** The highest global position written so far (0 for an empty store). */
  async headPosition(client: SqlClient = this.db): Promise<bigint> {
    const { rows } = await client.query<{ head: string | null }>('SELECT max(global_position) AS head FROM es_events');
    return BigInt(rows[0].head ?? 0);
  }

  private toRecorded(row: EventRow): RecordedEvent {
    const lifted = this.upcasters.isEmpty
      ? { schemaVersion: row.schema_version, data: row.data }
      : this.upcasters.apply(row.event_type, row.schema_version, row.data);
    return {
      eventId: row.event_id,
      streamId: row.stream_id,
      streamType: row.stream_type,
      streamVersion: Number(row.stream_version),
      globalPosition: BigInt(row.global_position),
      transactionId: BigInt(row.transaction_id_text),
      type: row.event_type,
      schemaVersion: lifted.schemaVersion,
      data: lifted.data,
      metadata: row.metadata,
      recordedAt: row.recorded_at,
    };
  }
}

function expectedVersionParameters(expected: AppendOptions['expectedVersion']): { kind: string; version: number | null } {
  if (expected === 'no_stream' || expected === 'any') return { kind: expected, version: null };
  if (!Number.isInteger(expected) || expected < 0) {
    throw new InvalidAppend(`expectedVersion must be a whole number >= 0, 'no_stream' or 'any'`);
  }
  // Version 0 means "no event yet", which is what no_stream states.
  return expected === 0 ? { kind: 'no_stream', version: null } : { kind: 'exact', version: expected };
}

function translateAppendError(error: unknown, streamId: string, options: AppendOptions): unknown {
  const dbError = error as Partial<DatabaseError>;
  if (dbError.code === 'ES409') {
    const detail = JSON.parse(dbError.detail ?? '{}') as { actual?: number | null };
    return new WrongExpectedVersion(streamId, options.expectedVersion, Number(detail.actual ?? 0));
  }
  if (dbError.code === 'ES400') return new InvalidAppend(dbError.message ?? 'invalid append');
  return error;
}

import type { Pool, PoolClient } from 'pg';
import { inTransaction } from '@upops/database';
import type { GlobalCheckpoint } from '../event.types';
import type { PostgresEventStore } from '../postgres-event-store';
import type { AppendNotifier } from './append-notifier';
import {
  DEFAULT_SUBSCRIPTION_OPTIONS,
  type SubscriptionHandler,
  type SubscriptionOptions,
} from './subscription.types';

export interface SubscriptionLog {
  info(message: string): void;
  error(message: string, error: unknown): void;
}

export interface RebuildProgress {
  subscription: string;
  processed: number;
  total: number;
}

export class SubscriptionBusy extends Error {
  constructor(readonly subscription: string) {
    super(`subscription ${subscription} is running in another process; stop it before a rebuild`);
    this.name = 'SubscriptionBusy';
  }
}

interface BatchOutcome {
  count: number;
  /** Committed events exist past the checkpoint but are not yet safe to read. */
  hiddenCommits: boolean;
}

const HIDDEN_COMMIT_RETRY_MS = 25;
/** A transaction open anywhere on the cluster holds readers back; one-shot tools wait this long. */
const DEFAULT_WAIT_FOR_HIDDEN_MS = 30_000;

const silentLog: SubscriptionLog = { info: () => undefined, error: () => undefined };

/**
 * Runs one named subscription: at most one active instance across all processes (a
 * session advisory lock is the lease), batches in global order, checkpoint and read-model
 * writes in one transaction, woken by LISTEN/NOTIFY with polling as fallback.
 */
export class SubscriptionRunner {
  private readonly options: SubscriptionOptions;
  private stopped = true;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private pendingWake = false;
  private unsubscribe: (() => void) | undefined;
  private active = false;

  constructor(
    private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    private readonly handler: SubscriptionHandler,
    private readonly notifier?: AppendNotifier,
    options: Partial<SubscriptionOptions> = {},
    private readonly log: SubscriptionLog = silentLog,
  ) {
    this.options = { ...DEFAULT_SUBSCRIPTION_OPTIONS, ...options };
  }

  get name(): string {
    return this.handler.name;
  }

  /** True while this instance holds the lease and processes events. */
  get isActive(): boolean {
    return this.active;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe = this.notifier?.subscribe(() => this.signal());
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.signal();
    await this.loop;
  }

  /** Clears the read model, resets the checkpoint and replays every event. */
  async rebuild(
    onProgress: (progress: RebuildProgress) => void = () => undefined,
    waitForHiddenMs = DEFAULT_WAIT_FOR_HIDDEN_MS,
  ): Promise<number> {
    const reset = this.handler.reset?.bind(this.handler);
    if (!reset) throw new Error(`subscription ${this.name} cannot be rebuilt: it has no reset`);
    const client = await this.borrow();
    try {
      if (!(await this.tryLease(client))) throw new SubscriptionBusy(this.name);
      try {
        await inTransaction(client, async () => {
          await reset(client);
          await client.query(
            `INSERT INTO es_subscriptions (name) VALUES ($1)
             ON CONFLICT (name) DO UPDATE SET last_transaction_id = '0'::xid8, last_position = 0,
               processed_count = 0, updated_at = now()`,
            [this.name],
          );
        });
        const total = await this.countEvents(client);
        let processed = 0;
        onProgress({ subscription: this.name, processed, total });
        await this.drain(client, waitForHiddenMs, (count) => {
          processed += count;
          onProgress({ subscription: this.name, processed, total: Math.max(total, processed) });
        });
        return processed;
      } finally {
        await this.releaseLease(client);
      }
    } finally {
      client.release();
    }
  }

  /**
   * Processes every event committed before the call; for tests and one-shot tools. Events
   * held back by an older open transaction are waited for up to `waitForHiddenMs`.
   */
  async catchUp(waitForHiddenMs = DEFAULT_WAIT_FOR_HIDDEN_MS): Promise<number> {
    const client = await this.borrow();
    try {
      if (!(await this.tryLease(client))) throw new SubscriptionBusy(this.name);
      try {
        let processed = 0;
        await this.drain(client, waitForHiddenMs, (count) => (processed += count));
        return processed;
      } finally {
        await this.releaseLease(client);
      }
    } finally {
      client.release();
    }
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let client: PoolClient | undefined;
      try {
        client = await this.borrow();
        if (!(await this.tryLease(client))) {
          await this.sleep(this.options.leaseRetryMs);
          continue;
        }
        this.active = true;
        this.log.info(`subscription ${this.name} active`);
        try {
          while (!this.stopped) {
            this.pendingWake = false;
            const { count, hiddenCommits } = await this.processBatch(client);
            // Committed events held back by an older open transaction: look again soon, the
            // notification of their commit has already been spent.
            if (hiddenCommits) await this.sleep(HIDDEN_COMMIT_RETRY_MS);
            else if (count < this.options.batchSize) await this.sleep(this.options.pollIntervalMs);
          }
        } finally {
          this.active = false;
          await this.releaseLease(client);
        }
      } catch (error) {
        this.log.error(`subscription ${this.name} failed; retrying`, error);
        client?.release(error as Error);
        client = undefined;
        await this.sleep(this.options.leaseRetryMs);
      } finally {
        client?.release();
      }
    }
  }

  private async drain(client: PoolClient, waitForHiddenMs: number, onBatch: (count: number) => void): Promise<void> {
    const deadline = Date.now() + waitForHiddenMs;
    for (;;) {
      const { count, hiddenCommits } = await this.processBatch(client);
      if (count > 0) {
        onBatch(count);
        continue;
      }
      if (!hiddenCommits || Date.now() >= deadline) return;
      await new Promise((resolve) => setTimeout(resolve, HIDDEN_COMMIT_RETRY_MS));
    }
  }

  /**
   * One batch in one transaction. The transaction takes no transaction id until the handler
   * writes, so a subscription's own batch never hides appends from the other subscriptions.
   */
  private async processBatch(client: PoolClient): Promise<BatchOutcome> {
    return inTransaction(client, async () => {
      const checkpoint = await this.readCheckpoint(client);
      const events = await this.store.readAll(checkpoint, this.options.batchSize, client, this.handler.streamTypes);
      if (events.length === 0) {
        return { count: 0, hiddenCommits: await this.store.hasHiddenCommits(checkpoint, client, this.handler.streamTypes) };
      }
      await this.handler.handle(events, client);
      const last = events[events.length - 1];
      const moved = await client.query(
        `UPDATE es_subscriptions SET last_transaction_id = $2::text::xid8, last_position = $3,
           processed_count = processed_count + $4, updated_at = now()
         WHERE name = $1 AND last_transaction_id = $5::text::xid8 AND last_position = $6`,
        [this.name, last.transactionId.toString(), last.globalPosition.toString(), events.length,
          checkpoint.transactionId.toString(), checkpoint.position.toString()],
      );
      // Another instance moved the checkpoint meanwhile (a lost lease): undo this batch.
      if (moved.rowCount !== 1) throw new SubscriptionBusy(this.name);
      return { count: events.length, hiddenCommits: false };
    });
  }

  private async readCheckpoint(client: PoolClient): Promise<GlobalCheckpoint> {
    const select = () =>
      client.query<{ tx: string; position: string }>(
        'SELECT last_transaction_id::text AS tx, last_position AS position FROM es_subscriptions WHERE name = $1',
        [this.name],
      );
    let { rows } = await select();
    if (rows.length === 0) {
      await client.query('INSERT INTO es_subscriptions (name) VALUES ($1) ON CONFLICT DO NOTHING', [this.name]);
      ({ rows } = await select());
    }
    return { transactionId: BigInt(rows[0].tx), position: BigInt(rows[0].position) };
  }

  private async countEvents(client: PoolClient): Promise<number> {
    const { rows } = await client.query<{ count: string }>(
      'SELECT count(*) AS count FROM es_events WHERE ($1::text[] IS NULL OR stream_type = ANY($1::text[]))',
      [this.handler.streamTypes ?? null],
    );
    return Number(rows[0].count);
  }

  /**
   * A connection held for the whole run: a server-side disconnect (restart, shutdown) must
   * surface as a failed query in the loop, not as an unhandled 'error' event.
   */
  private async borrow(): Promise<PoolClient> {
    const client = await this.pool.connect();
    const onError = (error: Error) => this.log.error(`subscription ${this.name} lost its connection`, error);
    client.on('error', onError);
    const release = client.release.bind(client);
    client.release = (destroy?: boolean | Error) => {
      client.off('error', onError);
      client.release = release;
      release(destroy);
    };
    return client;
  }

  private async tryLease(client: PoolClient): Promise<boolean> {
    const { rows } = await client.query<{ locked: boolean }>(
      `SELECT pg_try_advisory_lock(hashtextextended('upops.subscription:' || $1, 0)) AS locked`,
      [this.name],
    );
    return rows[0].locked;
  }

  private async releaseLease(client: PoolClient): Promise<void> {
    await client.query(`SELECT pg_advisory_unlock(hashtextextended('upops.subscription:' || $1, 0))`, [this.name]);
  }

  private signal(): void {
    this.pendingWake = true;
    this.wake?.();
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.pendingWake) {
      this.pendingWake = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}

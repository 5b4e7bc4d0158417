import { type GlobalCheckpoint, isAtOrAfter } from '../event.types';
import type { SqlClient } from '../sql-client';
import type { AppendNotifier } from './append-notifier';
import type { SubscriptionStatus } from './subscription.types';

interface StatusRow {
  name: string;
  tx: string;
  position: string;
  processed_count: string;
  updated_at: Date;
}

/** Where each subscription stands; lets the api answer "read your own writes". */
export class SubscriptionCheckpoints {
  constructor(
    private readonly db: SqlClient,
    private readonly notifier?: AppendNotifier,
  ) {}

  async list(): Promise<SubscriptionStatus[]> {
    const { rows } = await this.db.query<StatusRow>(
      `SELECT name, last_transaction_id::text AS tx, last_position AS position, processed_count, updated_at
       FROM es_subscriptions ORDER BY name`,
    );
    return rows.map(toStatus);
  }

  async get(name: string): Promise<SubscriptionStatus | undefined> {
    const { rows } = await this.db.query<StatusRow>(
      `SELECT name, last_transaction_id::text AS tx, last_position AS position, processed_count, updated_at
       FROM es_subscriptions WHERE name = $1`,
      [name],
    );
    return rows.length ? toStatus(rows[0]) : undefined;
  }

  /**
   * Resolves true once `name` has processed `target` (e.g. the append a mutation returned),
   * false after `timeoutMs`. Rechecks on every append notification and every `pollMs`.
   */
  async waitUntilReached(name: string, target: GlobalCheckpoint, timeoutMs: number, pollMs = 50): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const status = await this.get(name);
      if (status && isAtOrAfter({ transactionId: status.lastTransactionId, position: status.lastPosition }, target)) {
        return true;
      }
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await this.nextChance(Math.min(pollMs, left));
    }
  }

  private nextChance(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const unsubscribe = this.notifier?.subscribe(done);
      function done(): void {
        clearTimeout(timer);
        unsubscribe?.();
        resolve();
      }
    });
  }
}

function toStatus(row: StatusRow): SubscriptionStatus {
  return {
    name: row.name,
    lastTransactionId: BigInt(row.tx),
    lastPosition: BigInt(row.position),
    processedCount: BigInt(row.processed_count),
    updatedAt: row.updated_at,
  };
}

import type { PoolClient } from 'pg';
import type { RecordedEvent } from '../event.types';

/**
 * A durable, named reader of all events in global order. `handle` runs inside the
 * transaction that also stores the checkpoint: read-model writes made through `tx` commit
 * with it, so a crash at any point applies every event exactly once in effect.
 */
export interface SubscriptionHandler {
  readonly name: string;
  /** Only events of these stream types reach `handle` (all when omitted). */
  readonly streamTypes?: readonly string[];
  handle(events: readonly RecordedEvent[], tx: PoolClient): Promise<void>;
  /** Clears the read model before a rebuild replays every event. */
  reset?(tx: PoolClient): Promise<void>;
}

export interface SubscriptionOptions {
  batchSize: number;
  /** Fallback wake-up when a notification is missed (e.g. a dropped LISTEN connection). */
  pollIntervalMs: number;
  /** How often a standby instance retries taking over a subscription held elsewhere. */
  leaseRetryMs: number;
}

export const DEFAULT_SUBSCRIPTION_OPTIONS: SubscriptionOptions = {
  batchSize: 500,
  pollIntervalMs: 1000,
  leaseRetryMs: 2000,
};

export interface SubscriptionStatus {
  name: string;
  lastTransactionId: bigint;
  lastPosition: bigint;
  processedCount: bigint;
  updatedAt: Date;
}

import type { Pool } from 'pg';
import { withTransaction } from '@upops/database';
import type { RecordedEvent, SubscriptionHandler } from '@upops/event-store';

/**
 * Hands `events` to `handler` in one transaction together with the record of their
 * positions: an event already recorded for `consumerGroup` is dropped, so redeliveries
 * (relay retries, consumer restarts) change nothing. Returns the events handled now.
 */
export async function deliverOnce(
  pool: Pool,
  consumerGroup: string,
  events: readonly RecordedEvent[],
  handler: SubscriptionHandler,
): Promise<RecordedEvent[]> {
  if (events.length === 0) return [];
  return withTransaction(pool, async (tx) => {
    const { rows } = await tx.query<{ global_position: string }>(
      `INSERT INTO msg_inbox (consumer_group, global_position)
       SELECT $1, p FROM unnest($2::bigint[]) AS p
       ON CONFLICT DO NOTHING
       RETURNING global_position`,
      [consumerGroup, events.map((e) => e.globalPosition.toString())],
    );
    const fresh = new Set(rows.map((r) => BigInt(r.global_position)));
    const firstTime = events.filter((e) => fresh.delete(e.globalPosition));
    if (firstTime.length > 0) await handler.handle(firstTime, tx);
    return firstTime;
  });
}

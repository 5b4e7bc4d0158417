import type { PoolClient } from 'pg';
import type { RecordedEvent } from '../event.types';
import type { SubscriptionHandler } from '../subscriptions/subscription.types';

export const EVENT_TYPE_STATISTICS = 'event-type-statistics';

/**
 * How many events of each type each stream type holds, and when the last one came: the
 * operators' view of activity on the platform (and the worker's own liveness signal).
 */
export class EventTypeStatisticsProjection implements SubscriptionHandler {
  readonly name = EVENT_TYPE_STATISTICS;

  async handle(events: readonly RecordedEvent[], tx: PoolClient): Promise<void> {
    const counts = new Map<string, { streamType: string; eventType: string; count: number; last: RecordedEvent }>();
    for (const event of events) {
      const key = `${event.streamType}\u0000${event.type}`;
      const entry = counts.get(key) ?? { streamType: event.streamType, eventType: event.type, count: 0, last: event };
      entry.count += 1;
      entry.last = event;
      counts.set(key, entry);
    }
    const rows = [...counts.values()];
    await tx.query(
      `INSERT INTO es_event_type_statistics (stream_type, event_type, event_count, last_position, last_recorded_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::timestamptz[])
       ON CONFLICT (stream_type, event_type) DO UPDATE SET
         event_count = es_event_type_statistics.event_count + EXCLUDED.event_count,
         last_position = EXCLUDED.last_position,
         last_recorded_at = EXCLUDED.last_recorded_at`,
      [
        rows.map((r) => r.streamType),
        rows.map((r) => r.eventType),
        rows.map((r) => r.count),
        rows.map((r) => r.last.globalPosition.toString()),
        rows.map((r) => r.last.recordedAt),
      ],
    );
  }

  async reset(tx: PoolClient): Promise<void> {
    await tx.query('DELETE FROM es_event_type_statistics');
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@upops/database';
import { PostgresEventStore, SubscriptionCheckpoints } from '@upops/event-store';

export interface HealthReport {
  status: 'up' | 'down';
  databaseReachable: boolean;
  databaseLatencyMs: number | null;
  eventStoreHead: bigint | null;
  subscriptions: { name: string; lastPosition: bigint; lag: bigint; updatedAt: Date }[];
  error?: string;
}

/** One place that knows how to tell whether the platform can serve; HTTP and GraphQL both ask it. */
@Injectable()
export class HealthService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(SubscriptionCheckpoints) private readonly checkpoints: SubscriptionCheckpoints,
  ) {}

  async report(): Promise<HealthReport> {
    const started = process.hrtime.bigint();
    try {
      await this.pool.query('SELECT 1');
      const latency = Number(process.hrtime.bigint() - started) / 1e6;
      const head = await this.store.headPosition();
      const subscriptions = (await this.checkpoints.list()).map((s) => ({
        name: s.name,
        lastPosition: s.lastPosition,
        lag: head > s.lastPosition ? head - s.lastPosition : 0n,
        updatedAt: s.updatedAt,
      }));
      return { status: 'up', databaseReachable: true, databaseLatencyMs: latency, eventStoreHead: head, subscriptions };
    } catch (error) {
      return {
        status: 'down',
        databaseReachable: false,
        databaseLatencyMs: null,
        eventStoreHead: null,
        subscriptions: [],
        error: error instanceof Error ? error.message : String(error),
      };
    }
  }
}

import type { Pool } from 'pg';
import type { MigrationClass } from '@upops/database';
import { eventStoreMigrations, EventTypeStatisticsProjection, type SubscriptionHandler } from '@upops/event-store';
import { identityMigrations } from '@upops/identity';
import { messagingMigrations } from '@upops/messaging';

/**
 * What the platform is made of, in one place: every context's migrations in the order they
 * run, and every subscription the worker runs. Apps (api, worker, cli) compose from here.
 */
export const platformMigrations: readonly MigrationClass[] = [...eventStoreMigrations, ...messagingMigrations, ...identityMigrations];

export function platformSubscriptionHandlers(_pool: Pool): SubscriptionHandler[] {
  return [new EventTypeStatisticsProjection()];
}

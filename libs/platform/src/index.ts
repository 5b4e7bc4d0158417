import type { Pool } from 'pg';
import type { MigrationClass } from '@upops/database';
import { eventStoreMigrations, EventTypeStatisticsProjection, PostgresEventStore, type SubscriptionHandler } from '@upops/event-store';
import { CatalogueService } from '@upops/catalogue';
import { identityMigrations } from '@upops/identity';
import { InventoryProjection, inventoryMigrations } from '@upops/inventory';
import { messagingMigrations } from '@upops/messaging';

/**
 * What the platform is made of, in one place: every context's migrations in the order they
 * run, and every subscription the worker runs. Apps (api, worker, cli) compose from here.
 */
export const platformMigrations: readonly MigrationClass[] = [...eventStoreMigrations, ...messagingMigrations, ...identityMigrations, ...inventoryMigrations];

export function platformSubscriptionHandlers(pool: Pool): SubscriptionHandler[] {
  // The inventory projection computes releases with the catalogue, kept in this process's memory.
  const catalogue = new CatalogueService(pool, new PostgresEventStore(pool));
  return [new EventTypeStatisticsProjection(), new InventoryProjection((editionId) => catalogue.edition(editionId))];
}

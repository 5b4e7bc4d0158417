import type { Pool } from 'pg';
import type { MigrationClass } from '@upops/database';
import { eventStoreMigrations, EventTypeStatisticsProjection, PostgresEventStore, type SubscriptionHandler } from '@upops/event-store';
import { CatalogueService } from '@upops/catalogue';
import { identityMigrations } from '@upops/identity';
import { catalogueLookupSource, InventoryCommandHandler, InventoryProjection, InventoryQueries, inventoryMigrations } from '@upops/inventory';
import { messagingMigrations } from '@upops/messaging';
import { ApprovalLapseProcess, ReviewCommandHandler, ReviewProjection, reviewMigrations, reviewSourcesOf } from '@upops/review';

/**
 * What the platform is made of, in one place: every context's migrations in the order they
 * run, and every subscription the worker runs. Apps (api, worker, cli) compose from here.
 */
export const platformMigrations: readonly MigrationClass[] = [...eventStoreMigrations, ...messagingMigrations, ...identityMigrations, ...inventoryMigrations, ...reviewMigrations];

export function platformSubscriptionHandlers(pool: Pool): SubscriptionHandler[] {
  // The inventory projection computes releases with the catalogue, kept in this process's memory.
  const store = new PostgresEventStore(pool);
  const catalogue = new CatalogueService(pool, store);
  const editionOf = (editionId: string) => catalogue.edition(editionId);
  // The review workflow lapses approvals as inventories change, through review's own handler.
  const inventories = new InventoryCommandHandler(store, catalogueLookupSource(catalogue));
  const reviews = new ReviewCommandHandler(pool, store, inventories, reviewSourcesOf(catalogue, new InventoryQueries(pool, store, editionOf)));
  return [new EventTypeStatisticsProjection(), new InventoryProjection(editionOf), new ReviewProjection(), new ApprovalLapseProcess(reviews, store)];
}

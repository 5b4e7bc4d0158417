import { Module } from '@nestjs/common';
import type { Pool } from 'pg';
import { CatalogueModule, CatalogueService } from '@upops/catalogue';
import { PG_POOL } from '@upops/database';
import { AppendNotifier, PostgresEventStore, SubscriptionCheckpoints } from '@upops/event-store';
import { catalogueLookupSource } from '../application/catalogue-lookup';
import { InventoryCommandHandler } from '../application/inventory-commands.handler';
import { InventoryQueries } from '../application/inventory-queries';
import { InventoryService } from '../application/inventory.service';
import { InventoryChangedResolver } from '../graphql/inventory-changed.resolver';
import { InventoryEditResolver } from '../graphql/inventory-edit.resolver';
import { InventoryHistoryResolver } from '../graphql/inventory-history.resolver';
import { InventoryImportResolver } from '../graphql/inventory-import.resolver';
import { InventoryResolver } from '../graphql/inventory.resolver';
import { InventoryExportController } from '../http/inventory-export.controller';
import { INVENTORY_CHANGED_CHANNEL } from '../persistence/inventory.projection';
import { InventoryChanges } from './inventory-changes';

const INVENTORY_CHANGE_NOTIFIER = Symbol('INVENTORY_CHANGE_NOTIFIER');

/** Inventory drafting for the api: commands, read-model queries, history, import/export, live changes. */
@Module({
  imports: [CatalogueModule],
  controllers: [InventoryExportController],
  providers: [
    {
      provide: InventoryCommandHandler,
      inject: [PostgresEventStore, CatalogueService],
      useFactory: (store: PostgresEventStore, catalogue: CatalogueService) => new InventoryCommandHandler(store, catalogueLookupSource(catalogue)),
    },
    {
      provide: InventoryQueries,
      inject: [PG_POOL, PostgresEventStore, CatalogueService],
      useFactory: (pool: Pool, store: PostgresEventStore, catalogue: CatalogueService) => new InventoryQueries(pool, store, (id) => catalogue.edition(id)),
    },
    { provide: INVENTORY_CHANGE_NOTIFIER, inject: [PG_POOL], useFactory: (pool: Pool) => new AppendNotifier(pool, undefined, INVENTORY_CHANGED_CHANNEL) },
    { provide: InventoryChanges, inject: [INVENTORY_CHANGE_NOTIFIER], useFactory: (notifier: AppendNotifier) => new InventoryChanges(notifier) },
    {
      provide: InventoryService,
      inject: [InventoryCommandHandler, PG_POOL, INVENTORY_CHANGE_NOTIFIER],
      // Woken by the read model's own change notices, so a waiting read returns as soon as it can.
      useFactory: (handler: InventoryCommandHandler, pool: Pool, notifier: AppendNotifier) => new InventoryService(handler, new SubscriptionCheckpoints(pool, notifier)),
    },
    InventoryResolver,
    InventoryEditResolver,
    InventoryHistoryResolver,
    InventoryChangedResolver,
    InventoryImportResolver,
  ],
  exports: [InventoryService, InventoryQueries, InventoryCommandHandler],
})
export class InventoryModule {}

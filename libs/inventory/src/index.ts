// The inventory's public API: the pure drafting domain (commands, events, decider, state,
// history, diff, releases), its application service and queries, read-model projection, GraphQL,
// import/export and the Nest module for the api.
export type { ActivityLine, EmissionFactorOverride, InventoryStatus, LineChanges, LineFields, NotOccurring, OverrideScope } from './domain/inventory.types';
export { overrideKey } from './domain/inventory.types';
export type {
  CatalogueLookup,
  InventoryCommand,
  InventoryContext,
  MarkCategoryNotOccurring,
  OpenInventory,
  OverrideEmissionFactor,
  RecordActivity,
  RemoveActivity,
  ReopenInventory,
  ReviseActivity,
  SubmitInventory,
  SwitchEdition,
  UnmarkCategoryNotOccurring,
  WithdrawOverride,
} from './domain/inventory.commands';
export * from './domain/inventory.events';
export {
  InventoryError,
  InventoryErrorCode,
  isLineConflict,
  isOverrideConflict,
  type LineConflict,
  type OverrideConflict,
} from './domain/inventory.errors';
export type { Decision } from './domain/decision';
export { decide, FIRST_REFERENCE_YEAR, LAST_REFERENCE_YEAR } from './domain/decide';
export {
  NO_INVENTORY,
  evolve,
  isOpened,
  linesInOrder,
  overrideInForce,
  replay,
  stateAtVersion,
  type InventoryState,
  type OpenedInventory,
} from './domain/inventory.state';
export { historyEntry, factorText, type HistoryEntry, type HistoryMetadata } from './domain/history';
export {
  diffInventories,
  isEmptyDiff,
  type FieldChange,
  type InventoryDiff,
  type RecordChange,
  type RecordDiff,
} from './domain/inventory.diff';

export { canEditInventoryOf, canReadInventoryOf, INVENTORY_EDITOR_ROLES, INVENTORY_READER_ROLES, type InventoryCaller } from './domain/inventory-access';
export { inventoryReleases, TOTAL_VIEWS, type InventoryReleases, type InventoryTotals, type TotalView, type UncalculatedLine } from './domain/inventory-releases';
export { catalogueLookupOf, catalogueLookupSource } from './application/catalogue-lookup';
export { InventoryCommandHandler, type InventoryActor, type InventoryEdit } from './application/inventory-commands.handler';
export { InventoryCommandsRejected } from './application/inventory-commands-rejected';
export { InventoryQueries } from './application/inventory-queries';
export { InventoryService, inventoryIdOf } from './application/inventory.service';
export type { InventoryView, InventorySummaryView, LineView } from './application/inventory-views';
export { InventoryProjection, INVENTORY_READ_MODEL, INVENTORY_CHANGED_CHANNEL, type InventoryChangedNotice } from './persistence/inventory.projection';
export { CreateInventoryReadModel1764300000200 } from './persistence/1764300000200-create-inventory-read-model';
export { ACTIVITY_COLUMNS, parseActivityRows } from './exchange/activity-sheet';
export { readActivityCsv, readActivityXlsx } from './exchange/activity-import';
export { exportInventoryCsv, exportInventoryXlsx } from './exchange/inventory-export';
export { exportActivityTemplateXlsx } from './exchange/activity-template';
export { InventoryModule } from './nest/inventory.module';
export { InventoryResolver } from './graphql/inventory.resolver';
export { InventoryEditResolver } from './graphql/inventory-edit.resolver';
export { InventoryHistoryResolver } from './graphql/inventory-history.resolver';
export { InventoryChangedResolver } from './graphql/inventory-changed.resolver';
export { InventoryImportResolver } from './graphql/inventory-import.resolver';
export { inventoryErrorToGraphql } from './graphql/inventory-error.mapper';

import { CreateInventoryReadModel1764300000200 } from './persistence/1764300000200-create-inventory-read-model';
export const inventoryMigrations = [CreateInventoryReadModel1764300000200];
export { seedDemoInventory, DEMO_INVENTORY } from './application/demo-inventory';
export { InventoryType } from './graphql/inventory.types';
export { toInventory } from './graphql/inventory.mapper';

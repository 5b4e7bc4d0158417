// The inventory's public API: the pure drafting domain (commands, events, decider, state,
// history, diff). Application handlers, GraphQL and persistence will join it here.
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

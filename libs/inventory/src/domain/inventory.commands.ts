import type { EmissionFactorValue, Vector } from '@upops/catalogue';
import type { LineChanges, OverrideScope } from './inventory.types';

/** Opens the stream of a new inventory. `inventoryId` is chosen by the caller. */
export interface OpenInventory {
  type: 'OpenInventory';
  inventoryId: string;
  /** The Party's ISO 3166 alpha-3 code, e.g. "KEN". */
  party: string;
  /** 1990..2100. */
  referenceYear: number;
  editionId: string;
  tefScheme: string;
}

export interface RecordActivity {
  type: 'RecordActivity';
  /** Chosen by the client, so a retried command names the same line. */
  lineId: string;
  classCode: string;
  facilityName?: string | null;
  activityRate: number;
  unit: string;
  dataSource?: string;
  note?: string;
}

/** Changes some fields of a line the client saw at `basedOnRevision`. */
export interface ReviseActivity {
  type: 'ReviseActivity';
  lineId: string;
  basedOnRevision: number;
  changes: LineChanges;
}

export interface RemoveActivity {
  type: 'RemoveActivity';
  lineId: string;
  basedOnRevision: number;
  reason?: string | null;
}

/**
 * Puts a country-specific factor in force for one line or for a class. For a line scope the
 * client names the line revision it saw (`basedOnRevision`); for a class scope it names the
 * override it saw in force for the same substance and vector (`replacesOverrideId`, null: none).
 */
export interface OverrideEmissionFactor {
  type: 'OverrideEmissionFactor';
  overrideId: string;
  scope: OverrideScope;
  basedOnRevision?: number;
  replacesOverrideId?: string | null;
  substance: string;
  vector: Vector;
  value: EmissionFactorValue;
  unit: string;
  justification: string;
  reference: string;
}

export interface WithdrawOverride {
  type: 'WithdrawOverride';
  overrideId: string;
  reason?: string | null;
}

export interface MarkCategoryNotOccurring {
  type: 'MarkCategoryNotOccurring';
  categoryCode: string;
  note: string;
}

export interface UnmarkCategoryNotOccurring {
  type: 'UnmarkCategoryNotOccurring';
  categoryCode: string;
  reason?: string | null;
}

export interface SwitchEdition {
  type: 'SwitchEdition';
  editionId: string;
  explanation: string;
}

export interface SubmitInventory {
  type: 'SubmitInventory';
  submissionId: string;
}

export interface ReopenInventory {
  type: 'ReopenInventory';
  reason: string;
}

export type InventoryCommand =
  | OpenInventory
  | RecordActivity
  | ReviseActivity
  | RemoveActivity
  | OverrideEmissionFactor
  | WithdrawOverride
  | MarkCategoryNotOccurring
  | UnmarkCategoryNotOccurring
  | SwitchEdition
  | SubmitInventory
  | ReopenInventory;

/**
 * What the decider may ask the catalogue, answered from memory by the caller (the catalogue's
 * query API or a read model loaded before deciding): no I/O inside the decider.
 */
export interface CatalogueLookup {
  editionPublished(editionId: string): boolean;
  tefSchemeExists(schemeId: string): boolean;
  classExists(editionId: string, classCode: string): boolean;
  /** The class's category code, or undefined when the edition has no such class. */
  categoryOf(editionId: string, classCode: string): string | undefined;
  categoryExists(editionId: string, categoryCode: string): boolean;
  /** The class's activity unit as the catalogue prints it, e.g. "t of waste burned". */
  activityUnitOf(editionId: string, classCode: string): string | undefined;
}

/** What a decision needs besides the command and the state: passed in, never read from a clock. */
export interface InventoryContext {
  now: Date;
  catalogue: CatalogueLookup;
}

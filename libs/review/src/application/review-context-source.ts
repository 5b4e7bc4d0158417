import type { AnnexCMapping, EditionState, TefScheme } from '@upops/catalogue';
import type { QaqcOptions } from '../domain/qaqc/qaqc.types';

/** A Party's latest inventory before a year, with its national PCDD/PCDF total (g TEQ/a). */
export type PreviousInventorySource = (party: string, referenceYear: number) => Promise<{ inventoryId: string; referenceYear: number; nationalTotalGrams: number } | null>;

/** What review reads from other contexts before deciding, through their public APIs. */
export interface ReviewSources {
  edition(editionId: string): Promise<EditionState | undefined>;
  tefScheme(schemeId: string): TefScheme | undefined;
  annexC(): readonly AnnexCMapping[];
  previousInventory: PreviousInventorySource;
  qaqcOptions: QaqcOptions;
  /** After this moment a Party's submission for the year may no longer be superseded (null: never). */
  resubmissionDeadline(referenceYear: number): Date | null;
  engineVersion: string;
}

import { type CatalogueService, shippedCatalogue } from '@upops/catalogue';
import { CALCULATION_ENGINE_VERSION } from '@upops/calculation';
import type { InventoryQueries } from '@upops/inventory';
import { DEFAULT_QAQC_OPTIONS } from '../domain/qaqc/default-qaqc-options';
import type { PreviousInventorySource, ReviewSources } from './review-context-source';

export interface ReviewOptions {
  /** QA/QC: a national total more than this factor away from the previous inventory's is a warning. */
  totalJumpFactor: number;
  /** Reference year -> ISO moment after which a submission may no longer be superseded. */
  resubmissionDeadlines: Record<number, string>;
}

export const DEFAULT_REVIEW_OPTIONS: ReviewOptions = { totalJumpFactor: DEFAULT_QAQC_OPTIONS.totalJumpFactor, resubmissionDeadlines: {} };

const PCDD_PCDF = 'PCDD/PCDF';

/** Review's view of the other contexts: the catalogue (editions, TEF schemes, Annex C) and earlier inventories. */
export function reviewSourcesOf(catalogue: CatalogueService, inventories: InventoryQueries, options: ReviewOptions = DEFAULT_REVIEW_OPTIONS): ReviewSources {
  const shipped = shippedCatalogue();
  return {
    edition: (editionId) => catalogue.edition(editionId),
    tefScheme: (schemeId) => shipped.tefSchemes.find((s) => s.id === schemeId),
    annexC: () => shipped.annexCMapping,
    previousInventory: previousInventoryOf(inventories),
    qaqcOptions: { ...DEFAULT_QAQC_OPTIONS, totalJumpFactor: options.totalJumpFactor },
    resubmissionDeadline: (year) => (options.resubmissionDeadlines[year] ? new Date(options.resubmissionDeadlines[year]) : null),
    engineVersion: CALCULATION_ENGINE_VERSION,
  };
}

/** The Party's latest inventory before the year, read as the Party's own observer would (review is not a Party member). */
function previousInventoryOf(inventories: InventoryQueries): PreviousInventorySource {
  return async (party, referenceYear) => {
    const reader = { organisation: party, roles: ['observer'] };
    const earlier = (await inventories.list(reader, { party })).filter((i) => i.referenceYear < referenceYear).sort((a, b) => b.referenceYear - a.referenceYear)[0];
    if (!earlier) return null;
    const view = await inventories.current(reader, earlier.inventoryId);
    const total = view?.totals.nation.find((t) => t.substance === PCDD_PCDF);
    // Point releases only: ranges stay apart in the totals, as the Toolkit keeps them.
    const grams = total?.grams ?? null;
    return grams === null ? null : { inventoryId: earlier.inventoryId, referenceYear: earlier.referenceYear, nationalTotalGrams: grams };
  };
}

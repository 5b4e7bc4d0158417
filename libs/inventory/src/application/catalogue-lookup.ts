import { type CatalogueService, type CatalogueState, shippedCatalogue } from '@upops/catalogue';
import type { CatalogueLookup } from '../domain/inventory.commands';

/** The decider's view of the catalogue, answered from the catalogue state a process keeps in memory. */
export function catalogueLookupOf(state: CatalogueState, tefSchemeIds: readonly string[]): CatalogueLookup {
  const schemes = new Set(tefSchemeIds);
  return {
    editionPublished: (editionId) => state.editions[editionId]?.edition.status === 'published',
    tefSchemeExists: (schemeId) => schemes.has(schemeId),
    classExists: (editionId, classCode) => state.editions[editionId]?.classes[classCode] !== undefined,
    categoryOf: (editionId, classCode) => state.editions[editionId]?.classes[classCode]?.categoryCode,
    categoryExists: (editionId, categoryCode) => state.editions[editionId]?.categories[categoryCode] !== undefined,
    activityUnitOf: (editionId, classCode) => state.editions[editionId]?.classes[classCode]?.activityUnit,
  };
}

/** The lookup over a catalogue service's current state and the shipped TEF schemes (what api and seed use). */
export function catalogueLookupSource(catalogue: CatalogueService): () => Promise<CatalogueLookup> {
  const schemes = shippedCatalogue().tefSchemes.map((s) => s.id);
  return async () => catalogueLookupOf(await catalogue.current(), schemes);
}

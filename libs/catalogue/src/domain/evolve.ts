import type { CatalogueEvent } from './catalogue.events';
import { emptyEditionContent, factorKey, initialCatalogueState, type CatalogueState, type EditionState } from './catalogue.state';

function withEdition(state: CatalogueState, editionId: string, change: (edition: EditionState) => EditionState): CatalogueState {
  const edition = state.editions[editionId];
  // Events are facts the decider already checked; an event for an unknown edition can only come
  // from a damaged stream, and is ignored rather than inventing an edition.
  if (!edition) return state;
  return { editions: { ...state.editions, [editionId]: change(edition) } };
}

/** Compile-time check that every event type is handled; an unknown one at run time is skipped. */
function ignoreUnknown(_event: never, state: CatalogueState): CatalogueState {
  return state;
}

/** Applies one event. Pure: returns a new state, never changes the given one. */
export function evolve(state: CatalogueState, event: CatalogueEvent): CatalogueState {
  switch (event.type) {
    case 'EditionDrafted': {
      const { editionId, title, derivedFrom, draftedAt } = event.data;
      const source = derivedFrom === null ? undefined : state.editions[derivedFrom];
      const content = source
        ? {
            groups: source.groups,
            categories: source.categories,
            classes: source.classes,
            substances: source.substances,
            factors: source.factors,
          }
        : emptyEditionContent();
      return {
        editions: {
          ...state.editions,
          [editionId]: { edition: { id: editionId, title, status: 'draft', draftedAt, derivedFrom }, ...content },
        },
      };
    }
    case 'SourceCategoryAdded': {
      const { group, category } = event.data;
      return withEdition(state, event.data.editionId, (e) => ({
        ...e,
        groups: { ...e.groups, [group.code]: group },
        categories: { ...e.categories, [category.code]: category },
      }));
    }
    case 'SourceClassAdded': {
      const { sourceClass } = event.data;
      return withEdition(state, event.data.editionId, (e) => ({
        ...e,
        classes: { ...e.classes, [sourceClass.code]: sourceClass },
      }));
    }
    case 'SubstanceAdded': {
      const { substance } = event.data;
      return withEdition(state, event.data.editionId, (e) => ({
        ...e,
        substances: { ...e.substances, [substance.code]: substance },
      }));
    }
    case 'EmissionFactorSet': {
      const { factor } = event.data;
      const key = factorKey(factor.classCode, factor.substance, factor.vector);
      return withEdition(state, event.data.editionId, (e) => ({ ...e, factors: { ...e.factors, [key]: factor } }));
    }
    case 'EmissionFactorWithdrawn': {
      const key = factorKey(event.data.classCode, event.data.substance, event.data.vector);
      return withEdition(state, event.data.editionId, (e) => {
        const factors = { ...e.factors };
        delete factors[key];
        return { ...e, factors };
      });
    }
    case 'EditionPublished': {
      const { publishedAt } = event.data;
      return withEdition(state, event.data.editionId, (e) => ({
        ...e,
        edition: { ...e.edition, status: 'published', publishedAt },
      }));
    }
    default:
      return ignoreUnknown(event, state);
  }
}

/** The state after a list of events (a stream read from the start). */
export function replay(events: readonly CatalogueEvent[], from: CatalogueState = initialCatalogueState): CatalogueState {
  return events.reduce(evolve, from);
}

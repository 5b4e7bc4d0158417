import { CatalogueErrorCode } from './catalogue.errors';
import type { CatalogueState, EditionState } from './catalogue.state';
import { reject, type Decision } from './decision';

/** The edition a content command works on: it must exist and still be a draft. */
export function draftEdition(
  state: CatalogueState,
  editionId: string,
): { ok: true; edition: EditionState } | { ok: false; decision: Decision } {
  const edition = state.editions[editionId];
  if (!edition) {
    return {
      ok: false,
      decision: reject(CatalogueErrorCode.EDITION_NOT_FOUND, 'editionId', `edition ${editionId} does not exist`),
    };
  }
  if (edition.edition.status === 'published') {
    return {
      ok: false,
      decision: reject(
        CatalogueErrorCode.EDITION_PUBLISHED,
        'editionId',
        `edition ${editionId} is published and no longer changes: draft a new edition from it`,
      ),
    };
  }
  return { ok: true, edition };
}

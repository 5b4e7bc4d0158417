import type { DraftEdition, PublishEdition } from './catalogue.commands';
import { CatalogueErrorCode } from './catalogue.errors';
import { catalogueEvent, type EditionDrafted, type EditionPublished } from './catalogue.events';
import type { CatalogueState } from './catalogue.state';
import { accept, isBlank, reject, type Decision } from './decision';

export function decideDraftEdition(command: DraftEdition, state: CatalogueState, now: Date): Decision {
  const { editionId, title, derivedFrom } = command;
  if (isBlank(editionId)) return reject(CatalogueErrorCode.INVALID_INPUT, 'editionId', 'an edition needs an id');
  if (state.editions[editionId])
    return reject(CatalogueErrorCode.EDITION_EXISTS, 'editionId', `edition ${editionId} already exists`);
  if (isBlank(title)) return reject(CatalogueErrorCode.INVALID_INPUT, 'title', 'an edition needs a title');
  if (derivedFrom !== null) {
    const source = state.editions[derivedFrom];
    if (!source) return reject(CatalogueErrorCode.EDITION_NOT_FOUND, 'derivedFrom', `edition ${derivedFrom} does not exist`);
    // Deriving from a draft would copy content that may still change under the new edition.
    if (source.edition.status !== 'published') {
      return reject(
        CatalogueErrorCode.EDITION_NOT_PUBLISHED,
        'derivedFrom',
        `edition ${derivedFrom} is a draft: only a published edition can be derived from`,
      );
    }
  }
  return accept(
    catalogueEvent<EditionDrafted>('EditionDrafted', {
      editionId,
      title: title.trim(),
      derivedFrom,
      draftedAt: now.toISOString(),
    }),
  );
}

export function decidePublishEdition(command: PublishEdition, state: CatalogueState, now: Date): Decision {
  const edition = state.editions[command.editionId];
  if (!edition) return reject(CatalogueErrorCode.EDITION_NOT_FOUND, 'editionId', `edition ${command.editionId} does not exist`);
  if (edition.edition.status === 'published') {
    return reject(CatalogueErrorCode.EDITION_PUBLISHED, 'editionId', `edition ${command.editionId} is already published`);
  }
  // An inventory tied to an edition without factors could not compute anything.
  if (Object.keys(edition.factors).length === 0) {
    return reject(
      CatalogueErrorCode.EDITION_EMPTY,
      'editionId',
      `edition ${command.editionId} has no emission factors to publish`,
    );
  }
  return accept(
    catalogueEvent<EditionPublished>('EditionPublished', { editionId: command.editionId, publishedAt: now.toISOString() }),
  );
}

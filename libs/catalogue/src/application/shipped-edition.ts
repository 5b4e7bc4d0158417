import { shippedCatalogue } from '../shipped-data';
import type { CatalogueService } from './catalogue.service';

export const SHIPPED_EDITION_ID = 'toolkit-2013';
export const SHIPPED_EDITION_TITLE = 'Toolkit 2013 revision (project transcription; see each factor\u2019s confidence)';

/**
 * Imports the shipped data as the first edition and publishes it, once: a restart, a crash
 * between the two steps, or two processes starting together end in the same single edition.
 */
export async function ensureShippedEdition(catalogue: CatalogueService): Promise<boolean> {
  let imported = false;
  if (!(await catalogue.edition(SHIPPED_EDITION_ID))) {
    const { snapshot } = shippedCatalogue();
    await ignoringRace(async () => {
      await catalogue.execute(
        { type: 'ImportEditionSnapshot', editionId: SHIPPED_EDITION_ID, title: SHIPPED_EDITION_TITLE, snapshot, reason: 'Initial load of the shipped Toolkit data (libs/catalogue/data)' },
        undefined,
        'catalogue:import-shipped-edition',
      );
      imported = true;
    }, async () => !!(await catalogue.edition(SHIPPED_EDITION_ID)));
  }
  if ((await catalogue.edition(SHIPPED_EDITION_ID))?.edition.status === 'draft') {
    await ignoringRace(
      () => catalogue.execute({ type: 'PublishEdition', editionId: SHIPPED_EDITION_ID }, undefined, 'catalogue:publish-shipped-edition').then(() => undefined),
      async () => (await catalogue.edition(SHIPPED_EDITION_ID))?.edition.status === 'published',
    );
  }
  return imported;
}

/** Runs `step`; a failure is fine when another process has done the same meanwhile. */
async function ignoringRace(step: () => Promise<void>, doneElsewhere: () => Promise<boolean>): Promise<void> {
  try {
    await step();
  } catch (error) {
    if (!(await doneElsewhere())) throw error;
  }
}

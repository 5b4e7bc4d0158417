// Shared test data (no jest here, so it also compiles in the build). Not exported by index.ts.
import type { CatalogueEvent } from '../domain/catalogue.events';
import type { Category, EmissionFactor, SourceClass, SourceGroup, Substance } from '../domain/catalogue.types';
import { decide } from '../domain/decide';
import { initialCatalogueState, type CatalogueState } from '../domain/catalogue.state';
import { replay } from '../domain/evolve';
import { shippedCatalogue } from '../shipped-data';

export const NOW = new Date('2025-03-01T09:00:00.000Z');
export const LATER = new Date('2025-06-01T09:00:00.000Z');

export const wasteIncineration: SourceGroup = { code: '1', name: 'Waste incineration' };
export const msw: Category = { code: '1a', groupCode: '1', name: 'Municipal solid waste incineration' };
export const pcdd: Substance = { code: 'PCDD/PCDF', name: 'Polychlorinated dibenzo-p-dioxins and dibenzofurans', basis: 'TEQ' };

export function sourceClass(code: string, overrides: Partial<SourceClass> = {}): SourceClass {
  return {
    code,
    categoryCode: '1a',
    name: 'Low technology combustion, no APCS',
    activityUnit: 't of waste burned',
    annexC: 'Part II (a)',
    reference: 'Toolkit 2013, Table II.1.1',
    confidence: 'unverified',
    note: '',
    toolkitEdition: '2013',
    ...overrides,
  };
}

export function factor(overrides: Partial<EmissionFactor> = {}): EmissionFactor {
  return {
    classCode: '1a1',
    substance: 'PCDD/PCDF',
    vector: 'air',
    value: { kind: 'value', value: 3500 },
    unit: 'µg TEQ/t',
    activityUnit: 't of waste burned',
    confidence: 'unverified',
    reference: 'Toolkit 2013, Table II.1.1',
    note: '',
    substanceLabel: 'PCDD/PCDF',
    confidenceNote: 'all=uncertain',
    toolkitEdition: '2013',
    ...overrides,
  };
}

/** Events of a small draft edition "e1": group 1, category 1a, class 1a1, PCDD/PCDF, 1a1 air 3500. */
export function smallDraft(editionId = 'e1'): CatalogueEvent[] {
  return [
    {
      type: 'EditionDrafted',
      data: { editionId, title: 'Toolkit 2013', derivedFrom: null, draftedAt: NOW.toISOString() },
      schemaVersion: 1,
    },
    { type: 'SubstanceAdded', data: { editionId, substance: pcdd }, schemaVersion: 1 },
    { type: 'SourceCategoryAdded', data: { editionId, group: wasteIncineration, category: msw }, schemaVersion: 1 },
    { type: 'SourceClassAdded', data: { editionId, sourceClass: sourceClass('1a1') }, schemaVersion: 1 },
    { type: 'EmissionFactorSet', data: { editionId, factor: factor(), reason: 'initial import' }, schemaVersion: 1 },
  ];
}

export function published(events: CatalogueEvent[], editionId = 'e1'): CatalogueEvent[] {
  return [...events, { type: 'EditionPublished', data: { editionId, publishedAt: NOW.toISOString() }, schemaVersion: 1 }];
}

/** The shipped data imported as edition "toolkit-2013" (draft), and the events that did it. */
export function importedShipped(editionId = 'toolkit-2013'): { events: CatalogueEvent[]; state: CatalogueState } {
  const decision = decide(
    {
      type: 'ImportEditionSnapshot',
      editionId,
      title: 'Toolkit 2013 (transcription)',
      snapshot: shippedCatalogue().snapshot,
      reason: 'initial import of the shipped data',
    },
    initialCatalogueState,
    NOW,
  );
  if (!decision.ok) throw decision.error;
  return { events: decision.events, state: replay(decision.events) };
}

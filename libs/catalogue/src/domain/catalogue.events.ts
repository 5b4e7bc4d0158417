import type { Category, EmissionFactor, SourceClass, SourceGroup, Substance, Vector } from './catalogue.types';

/**
 * The catalogue's events: past tense, in the Toolkit's words, plain data. They have the shape of
 * the event store's `NewEvent` ({ type, data, schemaVersion }) without importing it, so the
 * domain depends on nothing. All editions live in one catalogue stream (see README): deriving
 * an edition reads another one, and catalogue edits are rare enough not to contend.
 */
interface CatalogueEventOf<Type extends string, Data> {
  type: Type;
  data: Data;
  schemaVersion: 1;
}

/** A new edition in draft; when derived, it starts as a copy of a published edition. */
export type EditionDrafted = CatalogueEventOf<
  'EditionDrafted',
  { editionId: string; title: string; derivedFrom: string | null; draftedAt: string }
>;

/** A source category (and the group it belongs to) entered the edition. */
export type SourceCategoryAdded = CatalogueEventOf<
  'SourceCategoryAdded',
  { editionId: string; group: SourceGroup; category: Category }
>;

export type SourceClassAdded = CatalogueEventOf<'SourceClassAdded', { editionId: string; sourceClass: SourceClass }>;

export type SubstanceAdded = CatalogueEventOf<'SubstanceAdded', { editionId: string; substance: Substance }>;

/**
 * A factor was given or replaced. `factor.reference` says where the value comes from and
 * `reason` why it changed: both are required, so a factor's history is always explained.
 */
export type EmissionFactorSet = CatalogueEventOf<
  'EmissionFactorSet',
  { editionId: string; factor: EmissionFactor; reason: string }
>;

/** A factor left the edition (not the same as ND or NA, which are statements kept as factors). */
export type EmissionFactorWithdrawn = CatalogueEventOf<
  'EmissionFactorWithdrawn',
  { editionId: string; classCode: string; substance: string; vector: Vector; reason: string; reference: string }
>;

/** The edition is frozen: inventories may now refer to it, and it no longer changes. */
export type EditionPublished = CatalogueEventOf<'EditionPublished', { editionId: string; publishedAt: string }>;

export type CatalogueEvent =
  | EditionDrafted
  | SourceCategoryAdded
  | SourceClassAdded
  | SubstanceAdded
  | EmissionFactorSet
  | EmissionFactorWithdrawn
  | EditionPublished;

export type CatalogueEventType = CatalogueEvent['type'];

export const CATALOGUE_EVENT_TYPES: readonly CatalogueEventType[] = [
  'EditionDrafted',
  'SourceCategoryAdded',
  'SourceClassAdded',
  'SubstanceAdded',
  'EmissionFactorSet',
  'EmissionFactorWithdrawn',
  'EditionPublished',
];

/** The stream that holds every edition's events. */
export const CATALOGUE_STREAM_ID = 'catalogue';
export const CATALOGUE_STREAM_TYPE = 'catalogue';

export function catalogueEvent<E extends CatalogueEvent>(type: E['type'], data: E['data']): E {
  return { type, data, schemaVersion: 1 } as E;
}

import type { Category, Edition, EmissionFactor, SourceClass, SourceGroup, Substance, Vector } from './catalogue.types';

/** One edition as the decider needs it: its status and its content, keyed by code. */
export interface EditionState {
  edition: Edition;
  groups: Readonly<Record<string, SourceGroup>>;
  categories: Readonly<Record<string, Category>>;
  classes: Readonly<Record<string, SourceClass>>;
  substances: Readonly<Record<string, Substance>>;
  /** Keyed by factorKey(classCode, substance, vector). */
  factors: Readonly<Record<string, EmissionFactor>>;
}

/** Every edition of the catalogue stream. Plain records, so the state can be cached as JSON. */
export interface CatalogueState {
  editions: Readonly<Record<string, EditionState>>;
}

export const initialCatalogueState: CatalogueState = { editions: {} };

/** A factor's identity within an edition: one cell of the tables. */
export function factorKey(classCode: string, substance: string, vector: Vector): string {
  return `${classCode}|${substance}|${vector}`;
}

export function emptyEditionContent(): Omit<EditionState, 'edition'> {
  return { groups: {}, categories: {}, classes: {}, substances: {}, factors: {} };
}

/** The factor of a cell, or undefined when the edition has none (never, or withdrawn). */
export function factorOf(
  edition: EditionState,
  classCode: string,
  substance: string,
  vector: Vector,
): EmissionFactor | undefined {
  return edition.factors[factorKey(classCode, substance, vector)];
}

import type { Category, CatalogueSnapshot, EmissionFactor, SourceClass, SourceGroup, Substance, Vector } from './catalogue.types';

/** Start an edition: empty (the initial import) or as a copy of a published edition. */
export interface DraftEdition {
  type: 'DraftEdition';
  editionId: string;
  title: string;
  derivedFrom: string | null;
}

export interface AddSourceCategory {
  type: 'AddSourceCategory';
  editionId: string;
  group: SourceGroup;
  category: Category;
}

export interface AddSourceClass {
  type: 'AddSourceClass';
  editionId: string;
  sourceClass: SourceClass;
}

export interface AddSubstance {
  type: 'AddSubstance';
  editionId: string;
  substance: Substance;
}

/** Give or replace one factor; `factor.reference` is where the value comes from. */
export interface SetEmissionFactor {
  type: 'SetEmissionFactor';
  editionId: string;
  factor: EmissionFactor;
  reason: string;
}

export interface WithdrawEmissionFactor {
  type: 'WithdrawEmissionFactor';
  editionId: string;
  classCode: string;
  substance: string;
  vector: Vector;
  reason: string;
  reference: string;
}

export interface PublishEdition {
  type: 'PublishEdition';
  editionId: string;
}

/**
 * A whole snapshot (the shipped data, or an expert's sheet) as a new draft edition: one
 * EditionDrafted, then every substance, category, class and factor, each checked as if it had
 * been entered by hand. All of it, or nothing.
 */
export interface ImportEditionSnapshot {
  type: 'ImportEditionSnapshot';
  editionId: string;
  title: string;
  snapshot: CatalogueSnapshot;
  reason: string;
}

export type CatalogueCommand =
  | DraftEdition
  | AddSourceCategory
  | AddSourceClass
  | AddSubstance
  | SetEmissionFactor
  | WithdrawEmissionFactor
  | PublishEdition
  | ImportEditionSnapshot;

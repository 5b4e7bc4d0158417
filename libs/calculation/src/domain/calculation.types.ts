import type { CalculationError } from './calculation.errors';

/**
 * The calculation's own small vocabulary. It imports nothing from other libs: these shapes are
 * structurally compatible with the catalogue's (`EmissionFactor`, `Substance`, `Vector`,
 * `Confidence`), so a catalogue factor can be passed as it is.
 */

/** The five release vectors, in the order the Toolkit's tables print them. */
export const VECTORS = ['air', 'water', 'land', 'product', 'residue'] as const;
export type Vector = (typeof VECTORS)[number];

export type Confidence = 'verified' | 'inferred' | 'unverified';

/** TEQ: toxic equivalents (g TEQ/a); mass: plain mass (g/a). Never added to each other. */
export type SubstanceBasis = 'TEQ' | 'mass';

/** A factor cell. NA and ND are statements of their own, never 0. */
export type FactorValue =
  | { kind: 'value'; value: number }
  | { kind: 'range'; low: number; high: number }
  | { kind: 'NA' }
  | { kind: 'ND' };

/**
 * What the calculation needs of an emission factor. A catalogue `EmissionFactor` fits as it is
 * (its other fields are ignored).
 */
export interface FactorInput {
  substance: string;
  vector: Vector;
  value: FactorValue;
  /** e.g. "µg TEQ/t", "µg/t fuel burned", "ng TEQ/GJ". Only read when the value is a number. */
  unit: string;
  confidence: Confidence;
}

/** A factor of an edition, for one class (a catalogue `EmissionFactor` fits). */
export interface EditionFactor extends FactorInput {
  classCode: string;
}

/** A substance's basis, as the catalogue knows it (a catalogue `Substance` fits). */
export interface SubstanceInput {
  code: string;
  basis: SubstanceBasis;
}

/** How much of the activity was there in a year, in `unit` (the class's unit when absent). */
export interface ActivityInput {
  value: number;
  unit?: string;
}

/** One line of an inventory: a class (optionally a facility), its activity and its factors. */
export interface ActivityLine {
  lineId: string;
  /** The Party (nation) whose inventory holds the line. */
  party: string;
  groupCode: string;
  categoryCode: string;
  classCode: string;
  /** The class's activity unit as the catalogue prints it, e.g. "t of waste burned". */
  classActivityUnit: string;
  activity: ActivityInput;
  /** The edition's factors for the class. */
  factors: readonly FactorInput[];
  /** Country-specific factors; each replaces the edition's factor of the same substance and vector. */
  overrides?: readonly FactorInput[];
}

/** The release of one substance to one vector of one line. */
export type Release =
  | { kind: 'release'; grams: number; basis: SubstanceBasis }
  | { kind: 'range'; lowGrams: number; highGrams: number; basis: SubstanceBasis }
  | { kind: 'NA' }
  | { kind: 'ND' };

export interface ReleaseCell {
  substance: string;
  vector: Vector;
  release: Release;
  /** The confidence of the factor the release rests on. */
  confidence: Confidence;
  /** True when the factor is a country-specific override, not the edition's. */
  countrySpecific: boolean;
  /** The factor's unit as given ("" for NA/ND). */
  factorUnit: string;
}

/** The releases of one line: grams per year (g TEQ/a or g/a), one cell per substance and vector. */
export interface LineResult {
  lineId: string;
  party: string;
  groupCode: string;
  categoryCode: string;
  classCode: string;
  cells: ReleaseCell[];
}

/** A value, or every reason it could not be computed (never a partial number). */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: CalculationError[] };

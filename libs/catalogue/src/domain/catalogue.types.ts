/**
 * The Toolkit's vocabulary as plain data. Nothing here knows about storage or transport: these
 * shapes travel inside events and read models as they are (JSON-safe, no classes, no Dates).
 */

/** The five release vectors of the Toolkit, in the order its tables print them. */
export const VECTORS = ['air', 'water', 'land', 'product', 'residue'] as const;
export type Vector = (typeof VECTORS)[number];

export function isVector(value: string): value is Vector {
  return (VECTORS as readonly string[]).includes(value);
}

/**
 * A cell of an emission factor table. NA (vector not expected) and ND (the vector may matter but
 * no factor exists) are statements of their own and must never be read as 0, so they are kinds,
 * not numbers. A `range` is what some annexes print instead of an adopted factor (e.g. dl-PCB
 * 0.001-0.004 for 1e3): keeping both ends avoids inventing a single number.
 */
export type EmissionFactorValue =
  { kind: 'value'; value: number } | { kind: 'range'; low: number; high: number } | { kind: 'NA' } | { kind: 'ND' };

/**
 * How sure the catalogue is of a statement. Mapped from the data's marks: seen-verbatim ->
 * verified, inferred -> inferred, uncertain -> unverified. An unverified factor may be used but
 * must never be presented as official.
 */
export const CONFIDENCES = ['verified', 'inferred', 'unverified'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export function isConfidence(value: string): value is Confidence {
  return (CONFIDENCES as readonly string[]).includes(value);
}

/** Source group 1-10 (e.g. "1", "Waste incineration"). */
export interface SourceGroup {
  code: string;
  name: string;
}

/** What a category-level row of a sheet says when a category has no classes (yet). */
export interface CategoryRemark {
  /** The sheet's class_name cell, e.g. "(classes not retrieved)". */
  description: string;
  activityUnit: string;
  reference: string;
  confidence: Confidence;
  note: string;
}

/** Source category (e.g. "1a", Municipal solid waste incineration) within a group. */
export interface Category {
  code: string;
  groupCode: string;
  name: string;
  /** Present when the sheet had a row for the category itself (hot spots, classes not retrieved). */
  remark?: CategoryRemark;
}

/** Source class (e.g. "1a1"): a technology level within a category, the unit a factor is for. */
export interface SourceClass {
  code: string;
  categoryCode: string;
  name: string;
  activityUnit: string;
  /** The sheet's annex_c cell, verbatim (it often says the mapping is inferred). */
  annexC: string;
  reference: string;
  /** Row confidence of the class's first row: how sure we are of its name and values. */
  confidence: Confidence;
  note: string;
  toolkitEdition: string;
}

/** TEQ: the factor is in toxic equivalents (needs a TEF scheme); mass: plain mass. */
export type SubstanceBasis = 'TEQ' | 'mass';

export interface Substance {
  code: string;
  name: string;
  basis: SubstanceBasis;
}

/**
 * One cell of the factor tables: for a class, a substance and a vector. Every factor carries its
 * confidence and where it came from, so a release computed from it can show both.
 */
export interface EmissionFactor {
  classCode: string;
  substance: string;
  vector: Vector;
  value: EmissionFactorValue;
  /** e.g. "µg TEQ/t"; per unit of `activityUnit`. Empty only where no number is given. */
  unit: string;
  activityUnit: string;
  confidence: Confidence;
  /** The sheet's source_ref: where the number was read (or why it is a transcription). */
  reference: string;
  note: string;
  /** The sheet's substance cell as printed, e.g. "dl-PCB (WHO-2005 TEQ assumed)". */
  substanceLabel: string;
  /** The sheet's vector_confidence cell, verbatim: the reasoning behind `confidence`. */
  confidenceNote: string;
  toolkitEdition: string;
}

export type EditionStatus = 'draft' | 'published';

/** A catalogue edition: a set of classes and factors that inventories refer to. */
export type Edition =
  | { id: string; title: string; status: 'draft'; draftedAt: string; derivedFrom: string | null }
  | {
      id: string;
      title: string;
      status: 'published';
      draftedAt: string;
      derivedFrom: string | null;
      publishedAt: string;
    };

export interface TefFactor {
  congener: string;
  tef: number;
  source: string;
  confidence: Confidence;
  note: string;
}

/** A toxic equivalency scheme (WHO-2005, WHO-1998, I-TEF, ...). */
export interface TefScheme {
  id: string;
  /** The lowest confidence of its factors: a scheme is only as sure as its weakest TEF. */
  confidence: Confidence;
  factors: TefFactor[];
}

/**
 * Which Annex C Part II/III letters a Toolkit category falls under. Every row of the shipped
 * mapping is an inference from category names, so `basis` says so and the UI must too.
 */
export interface AnnexCMapping {
  categoryCode: string;
  categoryName: string;
  /** As written in the mapping, e.g. "Part II (d)(i) for secondary copper; Part III (b) for primary". */
  annexC: string;
  /** Part/letter references named, e.g. ["II(d)(i)", "III(b)"]; empty when none is named. */
  refs: string[];
  /** As written, e.g. "inferred, strong". */
  confidence: string;
  basis: string;
  source: string;
}

/** One item of Annex C: a Part I chemical or a Part II/III source category letter. */
export interface AnnexCItem {
  part: 'I' | 'II' | 'III';
  item: string;
  label: string;
  listedBy: string;
  evidence: string;
}

/** A catalogue as read from sheets: the content of one edition, before any event. */
export interface CatalogueSnapshot {
  groups: SourceGroup[];
  categories: Category[];
  classes: SourceClass[];
  substances: Substance[];
  factors: EmissionFactor[];
}

import type { EditionState } from '../domain/catalogue.state';
import { countFactors } from '../domain/edition-tree';

export const ABOUT_SHEET_NAME = 'About';

/** The fill that marks an unverified number, and the words that explain it. */
export const UNVERIFIED_FILL_ARGB = 'FFFFF2CC';

/**
 * The lines of the "About" sheet: which edition this is, how many of its numbers can be trusted,
 * and how to read the cells. A workbook travels without the platform around it, so the warning
 * on unverified factors has to travel inside it.
 */
export function aboutSheetLines(state: EditionState): (string | number)[][] {
  const { edition } = state;
  const counts = countFactors(Object.values(state.factors));
  return [
    ['Toolkit emission factor catalogue'],
    [],
    ['Edition', edition.id],
    ['Title', edition.title],
    ['Status', edition.status],
    ['Drafted at', edition.draftedAt],
    ...(edition.status === 'published' ? [['Published at', edition.publishedAt]] : []),
    ['Derived from', edition.derivedFrom ?? ''],
    [],
    ['Factors giving a number (value or range), by confidence'],
    ['verified', counts.byConfidence.verified],
    ['inferred', counts.byConfidence.inferred],
    ['unverified', counts.byConfidence.unverified],
    [],
    ['Factor cells, by kind'],
    ['value', counts.byKind.value],
    ['range', counts.byKind.range],
    ['ND', counts.byKind.ND],
    ['NA (empty cell)', counts.byKind.NA],
    ['total', counts.total],
    [],
    [
      'Unverified factors are transcriptions that were not checked against the Toolkit. They may be used, ' +
        'but must never be presented as official Toolkit values.',
    ],
    ['Cells holding an unverified number have a light yellow fill.'],
    [
      'confidence is the mark of the row (seen-verbatim = verified, inferred, uncertain = unverified); ' +
        'vector_confidence refines it per vector.',
    ],
    [
      'Cells: a number is the emission factor in ef_unit per activity_unit; ND: the Toolkit gives no factor; ' +
        'empty: not applicable (NA); low-high: a range as printed, never averaged.',
    ],
    ['One sheet per source group, in the layout of the shipped classes.csv; it can be imported back as a new edition.'],
  ];
}

import { CONFIDENCES, type Confidence, type EmissionFactor } from '../domain/catalogue.types';
import { ROW_CONFIDENCE, confidenceOfVector, parseVectorConfidence } from '../domain/vector-confidence';

/** The sheets' marks for the platform's words: the inverse of ROW_CONFIDENCE. */
export const CONFIDENCE_MARK: Readonly<Record<Confidence, string>> = Object.fromEntries(
  Object.entries(ROW_CONFIDENCE).map(([mark, confidence]) => [confidence, mark]),
) as Record<Confidence, string>;

export interface RowConfidence {
  /** The `confidence` cell: the row's mark (seen-verbatim, inferred, uncertain). */
  confidence: string;
  /** The `vector_confidence` cell. */
  vectorConfidence: string;
}

/**
 * The `confidence` and `vector_confidence` cells of one row, such that the sheet parser gives
 * every factor of the row back its own confidence. The edition stores a confidence per factor
 * and the row's free text (`confidenceNote`), not the row's mark, so the mark is chosen: the
 * `preferred` one (the class's, for the row that defines the class) when the text then yields
 * the factors' confidences, else any mark that does. When none does (an expert changed one
 * factor's confidence and not the text), explicit clauses ("air=seen-verbatim") are appended:
 * a factor's confidence must never be lost in an export, the verbatim text may grow.
 */
export function rowConfidence(factors: readonly EmissionFactor[], preferred: Confidence): RowConfidence {
  const note = factors[0]?.confidenceNote ?? '';
  const fits = (mark: Confidence, text: string) => {
    const refinements = parseVectorConfidence(text);
    return factors.every((f) => confidenceOfVector(mark, refinements, f.vector) === f.confidence);
  };

  for (const candidate of [preferred, ...CONFIDENCES]) {
    if (fits(candidate, note)) return { confidence: CONFIDENCE_MARK[candidate], vectorConfidence: note };
  }
  const clauses = factors.map((f) => `${f.vector}=${CONFIDENCE_MARK[f.confidence]}`).join('; ');
  const appended = note.trim() === '' ? clauses : `${note}; ${clauses}`;
  // An unbalanced "(" in the text would swallow the appended clauses: then state them alone.
  const vectorConfidence = fits(preferred, appended) ? appended : clauses;
  return { confidence: CONFIDENCE_MARK[preferred], vectorConfidence };
}

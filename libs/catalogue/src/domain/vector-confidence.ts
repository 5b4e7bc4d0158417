import { VECTORS, type Confidence, type Vector } from './catalogue.types';

/**
 * The sheets' `confidence` column speaks for a whole row; `vector_confidence` is free text that
 * refines it per vector ("all=uncertain", "air=seen-verbatim (secondary: ...); residue=uncertain",
 * "air, land seen", "column inferred = air"). This reads the forms the data uses and nothing
 * looser: a clause that raises confidence must be a bare statement ("air=seen-verbatim"), because
 * "air=seen in 2003 edition text only" is a qualification, not a verification. Clauses it cannot
 * read leave the row's confidence in place; the text itself travels with every factor.
 */

/** Row marks of the sheets, mapped to the platform's words. */
export const ROW_CONFIDENCE: Readonly<Record<string, Confidence>> = {
  'seen-verbatim': 'verified',
  inferred: 'inferred',
  uncertain: 'unverified',
};

const VECTOR = '(?:air|water|land|product|residue)';
const VECTOR_LIST = `${VECTOR}(?:\\s*(?:/|,|and)\\s*${VECTOR})*`;
// Longest first, so "seen-verbatim" is not read as "seen" followed by text.
const VERDICT = '(seen-verbatim|seen|inferred|uncertain|unverified|not found|not seen|not recalled|not retrieved)';

const ALL = new RegExp(`^all\\s*(?:=\\s*|\\s+)${VERDICT}$`);
const COLUMN_INFERRED = new RegExp(`^column inferred\\s*=\\s*(${VECTOR_LIST})$`);
const ASSIGNED = new RegExp(`^(${VECTOR_LIST})\\s*=\\s*${VERDICT}(.*)$`);
const LISTED = new RegExp(`^(${VECTOR_LIST})\\s+${VERDICT}$`);
const NEGATED = new RegExp(`^(${VECTOR_LIST})\\b.*\\bnot\\b`);

function verdictConfidence(verdict: string): Confidence {
  if (verdict === 'seen-verbatim' || verdict === 'seen') return 'verified';
  if (verdict === 'inferred') return 'inferred';
  return 'unverified';
}

function vectorsIn(list: string): Vector[] {
  return VECTORS.filter((vector) => new RegExp(`\\b${vector}\\b`).test(list));
}

/** Splits at semicolons outside parentheses (asides hold "a; b", e.g. "(...; sentence truncated)"). */
export function splitClauses(text: string): string[] {
  const clauses: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (c === '(') depth++;
    if (c === ')' && depth > 0) depth--;
    if (c === ';' && depth === 0) {
      clauses.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  clauses.push(current);
  return clauses.map((clause) => clause.trim()).filter((clause) => clause !== '');
}

/** Drops parenthesised asides ("(secondary: a 2015 UNDP document)"), nested ones included. */
function withoutAsides(clause: string): string {
  let depth = 0;
  let out = '';
  for (const c of clause) {
    if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    else if (depth === 0) out += c;
  }
  return out.replace(/\s+/g, ' ').trim();
}

function readClause(raw: string): Partial<Record<Vector, Confidence>> {
  const clause = withoutAsides(raw).toLowerCase();
  const all = ALL.exec(clause);
  if (all) return Object.fromEntries(VECTORS.map((vector) => [vector, verdictConfidence(all[1])]));

  const columnInferred = COLUMN_INFERRED.exec(clause);
  // The number was read, but which column (vector) it belongs to was inferred.
  if (columnInferred) return Object.fromEntries(vectorsIn(columnInferred[1]).map((v) => [v, 'inferred']));

  const assigned = ASSIGNED.exec(clause);
  if (assigned) {
    const [, list, verdict, rest] = assigned;
    const confidence = verdictConfidence(verdict);
    const qualified = rest.trim() !== '';
    // "seen" followed by more words is a qualification: do not raise on it.
    if (!(confidence === 'verified' && qualified)) {
      return Object.fromEntries(vectorsIn(list).map((v) => [v, confidence]));
    }
    return {};
  }

  const listed = LISTED.exec(clause);
  if (listed) return Object.fromEntries(vectorsIn(listed[1]).map((v) => [v, verdictConfidence(listed[2])]));

  // "residue not recalled", "residue: new 2013 EF (value not seen)": read on the raw text, as
  // the negation often sits in the aside.
  const negated = NEGATED.exec(raw.replace(/\s+/g, ' ').trim().toLowerCase());
  if (negated) return Object.fromEntries(vectorsIn(negated[1]).map((v) => [v, 'unverified']));

  return {};
}

/** The per-vector refinements a vector_confidence cell states; later clauses win. */
export function parseVectorConfidence(text: string): Partial<Record<Vector, Confidence>> {
  return splitClauses(text).reduce<Partial<Record<Vector, Confidence>>>(
    (refined, clause) => ({ ...refined, ...readClause(clause) }),
    {},
  );
}

/** The confidence of one vector of a row: its refinement when stated, else the row's. */
export function confidenceOfVector(
  rowConfidence: Confidence,
  refinements: Partial<Record<Vector, Confidence>>,
  vector: Vector,
): Confidence {
  return refinements[vector] ?? rowConfidence;
}

import type { Confidence, TefFactor, TefScheme } from './catalogue.types';
import { readSheet, type ParseResult, type RowError, type Sheet } from './sheet';
import { ROW_CONFIDENCE } from './vector-confidence';

export const TEF_SHEET_COLUMNS = ['scheme', 'congener', 'tef', 'source', 'confidence', 'note'] as const;

const TEF = /^\d+(\.\d+)?([eE][-+]?\d+)?$/;
const RANK: Record<Confidence, number> = { verified: 2, inferred: 1, unverified: 0 };

/** The lower of two confidences. */
export function lowerConfidence(a: Confidence, b: Confidence): Confidence {
  return RANK[a] <= RANK[b] ? a : b;
}

/**
 * Parses tef.csv into schemes, in the order the sheet lists them. A TEF is a factor relative to
 * 2,3,7,8-TCDD, so it must lie in (0, 1]; a congener listed twice in a scheme is an error.
 */
export function parseTefSheet(sheet: Sheet): ParseResult<TefScheme[]> {
  const read = readSheet(sheet, TEF_SHEET_COLUMNS);

  const errors: RowError[] = [...read.errors];
  const schemes = new Map<string, TefFactor[]>();
  const seenAt = new Map<string, number>();
  for (const row of read.rows) {
    const problem = (column: string, reason: string) => errors.push({ sheet: sheet.name, row: row.row, column, reason });
    const scheme = row.cell('scheme');
    const congener = row.cell('congener');
    const tefText = row.cell('tef');
    const confidence = ROW_CONFIDENCE[row.cell('confidence')];
    const before = errors.length;
    if (scheme === '') problem('scheme', 'the row needs a scheme (e.g. WHO-2005)');
    if (congener === '') problem('congener', 'the row needs a congener (e.g. 2,3,7,8-TCDD)');
    const tef = Number(tefText);
    if (!TEF.test(tefText) || !(tef > 0 && tef <= 1))
      problem('tef', `"${tefText}" is not a TEF (a number above 0 and at most 1)`);
    if (row.cell('source') === '') problem('source', 'every TEF needs its source');
    if (!confidence) problem('confidence', `"${row.cell('confidence')}" is not one of ${Object.keys(ROW_CONFIDENCE).join(', ')}`);
    const key = `${scheme}|${congener}`;
    const earlier = seenAt.get(key);
    if (earlier !== undefined) problem('congener', `${congener} is already listed for ${scheme} (row ${earlier})`);
    if (errors.length > before || !confidence) continue;

    seenAt.set(key, row.row);
    const factors = schemes.get(scheme) ?? [];
    factors.push({ congener, tef, source: row.cell('source'), confidence, note: row.cell('note') });
    schemes.set(scheme, factors);
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: [...schemes].map(([id, factors]) => ({
      id,
      confidence: factors.map((f) => f.confidence).reduce(lowerConfidence, 'verified'),
      factors,
    })),
  };
}

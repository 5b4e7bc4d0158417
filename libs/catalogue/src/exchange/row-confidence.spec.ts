import { VECTORS, type Confidence } from '../domain/catalogue.types';
import { confidenceOfVector, parseVectorConfidence } from '../domain/vector-confidence';
import { factor } from '../testing/catalogue.fixtures';
import { rowConfidence } from './row-confidence';

function rowOf(confidences: Confidence[], confidenceNote: string) {
  return VECTORS.map((vector, i) => factor({ vector, confidence: confidences[i], confidenceNote }));
}

/** What the sheet parser gives each vector back from the two cells. */
function readBack(cells: { confidence: string; vectorConfidence: string }): Confidence[] {
  const mark = { 'seen-verbatim': 'verified', inferred: 'inferred', uncertain: 'unverified' }[cells.confidence] as Confidence;
  return VECTORS.map((v) => confidenceOfVector(mark, parseVectorConfidence(cells.vectorConfidence), v));
}

describe('rowConfidence', () => {
  it("keeps the row's text verbatim when it yields every factor's confidence", () => {
    const row = rowOf(['verified', 'verified', 'verified', 'verified', 'unverified'], 'residue not recalled');
    const cells = rowConfidence(row, 'verified');
    expect(cells).toEqual({ confidence: 'seen-verbatim', vectorConfidence: 'residue not recalled' });
  });

  it('chooses another row mark when the preferred one does not fit', () => {
    const cells = rowConfidence(rowOf(['verified', 'verified', 'verified', 'verified', 'verified'], ''), 'unverified');
    expect(cells).toEqual({ confidence: 'seen-verbatim', vectorConfidence: '' });
  });

  it('appends explicit clauses when no mark fits, even after an unbalanced parenthesis', () => {
    const confidences: Confidence[] = ['verified', 'unverified', 'unverified', 'unverified', 'inferred'];
    expect(readBack(rowConfidence(rowOf(confidences, 'all=uncertain'), 'unverified'))).toEqual(confidences);
    const broken = rowConfidence(rowOf(confidences, 'all=uncertain (see'), 'unverified');
    expect(readBack(broken)).toEqual(confidences);
  });
});

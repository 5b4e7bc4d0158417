import { parseVectorConfidence, splitClauses } from './vector-confidence';

// Every form below is copied from classes.csv / other_upops.csv.
describe('parseVectorConfidence', () => {
  it.each([
    [
      'all=uncertain',
      { air: 'unverified', water: 'unverified', land: 'unverified', product: 'unverified', residue: 'unverified' },
    ],
    ['all seen', { air: 'verified', water: 'verified', land: 'verified', product: 'verified', residue: 'verified' }],
    ['air=uncertain', { air: 'unverified' }],
    ['air=uncertain (conflict)', { air: 'unverified' }],
    [
      'air=seen-verbatim (secondary: a 2015 UNDP project document citing the 2013 Toolkit); residue=uncertain',
      { air: 'verified', residue: 'unverified' },
    ],
    [
      'air=inferred (arithmetic from Annex 13 text: 4 ng/Nm3 x 12,500 Nm3/t = 50 µg/t); residue=uncertain',
      { air: 'inferred', residue: 'unverified' },
    ],
    // The semicolon sits inside the aside: one clause, not two.
    [
      'air=inferred (Annex 41: average of Abrantes 2011, Hagenmaier 1990, Oehme 1991 = 0.00075 µg TEQ/t fuel; sentence truncated)',
      { air: 'inferred' },
    ],
    [
      "air=inferred from Annex 35 text ('below 0.05 µg TEQ/t ... represents class 4'); residue=uncertain",
      { air: 'inferred', residue: 'unverified' },
    ],
    ['air=not found; water=uncertain', { air: 'unverified', water: 'unverified' }],
    ['class name=seen-verbatim; air/land=uncertain', { air: 'unverified', land: 'unverified' }],
    ['air, land seen', { air: 'verified', land: 'verified' }],
    ['air, residue seen', { air: 'verified', residue: 'verified' }],
    ['air seen', { air: 'verified' }],
    // The number was read; which column it belongs to was inferred.
    ['column inferred = air', { air: 'inferred' }],
    ['air=uncertain; residue not recalled', { air: 'unverified', residue: 'unverified' }],
    ['air=seen-verbatim; residue: new 2013 EF exists but value not in source text', { air: 'verified', residue: 'unverified' }],
    [
      "product=seen-verbatim ('0.1 µg I-TEQ/t if clean fuel'); air=uncertain; residue: new 2013 EF (value not seen)",
      { product: 'verified', air: 'unverified', residue: 'unverified' },
    ],
    [
      'air=seen-verbatim; water/residue ND and product none = inferred from Annex 15 text; land=inferred',
      { air: 'verified', land: 'inferred' },
    ],
  ])('reads %j', (text, expected) => {
    expect(parseVectorConfidence(text)).toEqual(expected);
  });

  it('does not raise confidence on a qualified "seen" (seen in an older edition only)', () => {
    expect(
      parseVectorConfidence('air (classes 1-2)=seen in 2003 edition text only; 2013 values not verified; residue not recalled'),
    ).toEqual({ residue: 'unverified' });
  });

  it.each([
    'values not recalled reliably',
    'not retrieved',
    'no EFs by design',
    'all shown values seen',
    'range seen (not a single adopted EF)',
    'values NOT in source text',
    'air = same as class 3b3 (seen rule)',
  ])('leaves the row confidence in place for %j', (text) => {
    expect(parseVectorConfidence(text)).toEqual({});
  });

  it('reads the clauses it can of a mixed cell', () => {
    expect(parseVectorConfidence('air ND (stand-alone chlor-alkali)=seen; water=seen; product ND=seen')).toEqual({
      water: 'verified',
    });
  });

  it('splits only at top-level semicolons', () => {
    expect(splitClauses("a; b (c; d); e ('f; g')")).toEqual(['a', 'b (c; d)', "e ('f; g')"]);
  });
});

import { shippedCatalogue } from '../shipped-data';
import type { TefScheme } from './catalogue.types';
import { teqOf } from './teq';

const schemes = shippedCatalogue().tefSchemes;
const scheme = (id: string): TefScheme => {
  const found = schemes.find((s) => s.id === id);
  if (!found) throw new Error(id);
  return found;
};

/** A measured profile, pg/g (made-up numbers; the TEFs are the shipped ones). */
const profile = {
  '2,3,7,8-TCDD': 10,
  '1,2,3,7,8-PeCDD': 20,
  OCDD: 1000,
  '2,3,4,7,8-PeCDF': 30,
  OCDF: 500,
};

describe('teqOf', () => {
  it('sums concentration x TEF under WHO-2005', () => {
    // 10 x 1 + 20 x 1 + 1000 x 0.0003 + 30 x 0.3 + 500 x 0.0003
    // = 10 + 20 + 0.3 + 9 + 0.15 = 39.45 pg WHO-2005-TEQ/g
    const result = teqOf(profile, scheme('WHO-2005'));
    expect(result.ok && result.teq).toBeCloseTo(39.45, 10);
    expect(result.ok && result.confidence).toBe('verified');
    expect(result.ok && result.contributions.find((c) => c.congener === '2,3,4,7,8-PeCDF')).toEqual({
      congener: '2,3,4,7,8-PeCDF',
      concentration: 30,
      tef: 0.3,
      teq: expect.closeTo(9, 10),
    });
  });

  it('sums concentration x TEF under I-TEF', () => {
    // 10 x 1 + 20 x 0.5 + 1000 x 0.001 + 30 x 0.5 + 500 x 0.001
    // = 10 + 10 + 1 + 15 + 0.5 = 36.5 pg I-TEQ/g
    const result = teqOf(profile, scheme('I-TEF'));
    expect(result.ok && result.teq).toBeCloseTo(36.5, 10);
  });

  it('sums concentration x TEF under WHO-1998', () => {
    // 10 x 1 + 20 x 1 + 1000 x 0.0001 + 30 x 0.5 + 500 x 0.0001 = 10 + 20 + 0.1 + 15 + 0.05 = 45.15
    const result = teqOf(profile, scheme('WHO-1998'));
    expect(result.ok && result.teq).toBeCloseTo(45.15, 10);
  });

  it('includes dioxin-like PCBs where the scheme lists them', () => {
    // WHO-2005: 39.45 + PCB 126 5 x 0.1 + PCB 118 2000 x 0.00003 = 39.45 + 0.5 + 0.06 = 40.01
    const result = teqOf({ ...profile, 'PCB 126': 5, 'PCB 118': 2000 }, scheme('WHO-2005'));
    expect(result.ok && result.teq).toBeCloseTo(40.01, 10);
  });

  it('refuses a congener the scheme does not know (I-TEF has no PCB), instead of counting it as 0', () => {
    expect(teqOf({ ...profile, 'PCB 126': 5 }, scheme('I-TEF'))).toEqual({
      ok: false,
      error: { code: 'CONGENER_UNKNOWN', scheme: 'I-TEF', congeners: ['PCB 126'] },
    });
    expect(teqOf({ '2,3,7,8-TCDD': 1, TCDD: 1 }, scheme('WHO-2005'))).toMatchObject({
      ok: false,
      error: { congeners: ['TCDD'] },
    });
  });

  it('refuses a negative or non-numeric concentration', () => {
    expect(teqOf({ OCDD: -1 }, scheme('WHO-2005'))).toEqual({
      ok: false,
      error: { code: 'CONCENTRATION_INVALID', congener: 'OCDD', concentration: -1 },
    });
    expect(teqOf({ OCDD: Number.NaN }, scheme('WHO-2005')).ok).toBe(false);
  });

  it('marks a TEQ under unverified TEFs (WHO-2022) as unverified', () => {
    const result = teqOf({ '2,3,7,8-TCDD': 1 }, scheme('WHO-2022'));
    expect(result.ok && [result.teq, result.confidence]).toEqual([1, 'unverified']);
  });

  it('gives 0 for an empty profile', () => {
    expect(teqOf({}, scheme('WHO-2005'))).toMatchObject({ ok: true, teq: 0, contributions: [] });
  });
});

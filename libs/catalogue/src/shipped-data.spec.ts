import { parseCsv } from './domain/csv';
import type { EmissionFactor, EmissionFactorValue, Vector } from './domain/catalogue.types';
import { VECTORS } from './domain/catalogue.types';
import { formatFactorValue } from './domain/factor-cell';
import { loadShippedCatalogue } from './domain/shipped-catalogue';
import { readShippedFile, shippedCatalogue } from './shipped-data';

const catalogue = shippedCatalogue();
const { snapshot } = catalogue;

function cell(classCode: string, vector: Vector, substance = 'PCDD/PCDF'): EmissionFactor {
  const found = snapshot.factors.find((f) => f.classCode === classCode && f.vector === vector && f.substance === substance);
  if (!found) throw new Error(`no factor ${classCode} ${substance} ${vector}`);
  return found;
}

/** The raw sheet, read with the CSV reader only (none of the catalogue parser's rules). */
function rawRows(file: 'classes.csv' | 'other_upops.csv'): Record<string, string>[] {
  const csv = parseCsv(readShippedFile(file));
  if (!csv.ok) throw new Error(JSON.stringify(csv.errors));
  const [header, ...rows] = csv.records;
  return rows.map((r) => Object.fromEntries(header.fields.map((name, i) => [name, r.fields[i]])));
}

describe('the shipped catalogue data', () => {
  it('parses without a single row error', () => {
    expect(loadShippedCatalogue(readShippedFile)).toMatchObject({ ok: true });
  });

  it('has the rows and classes the README announces (173 rows, 152 classes; 19 other-uPOPs rows)', () => {
    expect(rawRows('classes.csv')).toHaveLength(173);
    expect(rawRows('other_upops.csv')).toHaveLength(19);
    expect(snapshot.classes).toHaveLength(152);
    expect(snapshot.groups.map((g) => g.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(snapshot.categories).toHaveLength(68);
  });

  it('has, per source group, as many classes as classes.csv has class rows', () => {
    const fromCsv: Record<string, number> = {};
    for (const r of rawRows('classes.csv')) if (r.class !== '') fromCsv[r.group] = (fromCsv[r.group] ?? 0) + 1;
    const parsed: Record<string, number> = {};
    const groupOf = new Map(snapshot.categories.map((c) => [c.code, c.groupCode]));
    for (const c of snapshot.classes) {
      const group = groupOf.get(c.categoryCode) ?? '?';
      parsed[group] = (parsed[group] ?? 0) + 1;
    }
    expect(parsed).toEqual(fromCsv);
    // Counted by hand from classes.csv; group 10 (hot spots) has categories but no classes.
    expect(parsed).toEqual({ '1': 24, '2': 51, '3': 19, '4': 16, '5': 8, '6': 10, '7': 7, '8': 13, '9': 4 });
  });

  it('keeps the categories without classes, with the reason from their row', () => {
    const withoutClasses = snapshot.categories.filter((c) => !snapshot.classes.some((k) => k.categoryCode === c.code));
    expect(withoutClasses.map((c) => c.code)).toEqual([
      '7a',
      '7c',
      '7d',
      '7e',
      '7f',
      '9a',
      '9b',
      '9c',
      '10a',
      '10b',
      '10c',
      '10d',
      '10e',
      '10f',
      '10g',
      '10h',
      '10i',
      '10j',
      '10k',
      '10l',
      '10m',
    ]);
    expect(withoutClasses.every((c) => c.remark !== undefined)).toBe(true);
    expect(snapshot.categories.find((c) => c.code === '10a')?.remark).toMatchObject({
      description: '(no classes; no emission factors)',
      confidence: 'verified',
    });
  });

  it('gives every cell of both sheets the value printed in it, for every substance of the row', () => {
    const labels: Record<string, string[]> = { 'dl-PCB, sum-6 indicator PCB, HCB': ['dl-PCB', 'indicator-PCB', 'HCB'] };
    const codeOf: Record<string, string> = {
      'dl-PCB (WHO-2005 TEQ assumed)': 'dl-PCB',
      'PCB (TEQ)': 'PCB',
      'indicator PCB (mass)': 'indicator-PCB',
    };
    let checked = 0;
    for (const r of [...rawRows('classes.csv'), ...rawRows('other_upops.csv')]) {
      if (r.class === '') continue;
      for (const substance of labels[r.substance] ?? [codeOf[r.substance] ?? r.substance]) {
        for (const vector of VECTORS) {
          const printed = r[`ef_${vector}`] === 'NA' ? '' : r[`ef_${vector}`];
          expect(`${r.class} ${substance} ${vector} ${formatFactorValue(cell(r.class, vector, substance).value)}`).toBe(
            `${r.class} ${substance} ${vector} ${printed}`,
          );
          checked++;
        }
      }
    }
    expect(checked).toBe(snapshot.factors.length);
    expect(checked).toBe(875);
  });

  it.each<[string, Vector, string, EmissionFactorValue, string]>([
    // class, vector, substance, value as printed, confidence after vector_confidence
    ['1a1', 'air', 'PCDD/PCDF', { kind: 'value', value: 3500 }, 'unverified'],
    ['1a1', 'water', 'PCDD/PCDF', { kind: 'ND' }, 'unverified'],
    ['1a1', 'land', 'PCDD/PCDF', { kind: 'NA' }, 'unverified'],
    ['1a1', 'residue', 'PCDD/PCDF', { kind: 'value', value: 75 }, 'unverified'],
    ['1c1', 'air', 'PCDD/PCDF', { kind: 'value', value: 40000 }, 'verified'], // air seen (secondary source)
    ['1c1', 'residue', 'PCDD/PCDF', { kind: 'value', value: 200 }, 'unverified'],
    ['2l1', 'air', 'PCDD/PCDF', { kind: 'value', value: 12000 }, 'verified'], // as printed; pairing doubted
    ['3b2', 'air', 'PCDD/PCDF', { kind: 'value', value: 50 }, 'unverified'], // conflicts with Annex 31 text
    ['4a4', 'air', 'PCDD/PCDF', { kind: 'value', value: 0.05 }, 'inferred'],
    ['5a3', 'air', 'PCDD/PCDF', { kind: 'value', value: 0.00075 }, 'inferred'],
    ['7b2a', 'air', 'PCDD/PCDF', { kind: 'ND' }, 'verified'],
    ['7b2a', 'water', 'PCDD/PCDF', { kind: 'value', value: 17 }, 'verified'],
    ['8b1', 'residue', 'PCDD/PCDF', { kind: 'value', value: 2.5 }, 'unverified'],
    ['9e1', 'product', 'PCDD/PCDF', { kind: 'ND' }, 'unverified'],
    ['6a1', 'land', 'dl-PCB', { kind: 'value', value: 0.3 }, 'verified'],
    ['6b1', 'air', 'dl-PCB', { kind: 'value', value: 30 }, 'inferred'], // column inferred = air
    ['2b2', 'air', 'HCB', { kind: 'value', value: 0.6 }, 'verified'],
    ['5d1', 'water', 'PCB', { kind: 'NA' }, 'verified'], // "NA" printed literally
    ['5d1', 'residue', 'PCB', { kind: 'ND' }, 'verified'],
    ['1e3', 'air', 'dl-PCB', { kind: 'range', low: 0.001, high: 0.004 }, 'verified'],
  ])('%s %s %s is as printed', (classCode, vector, substance, value, confidence) => {
    expect(cell(classCode, vector, substance)).toMatchObject({ value, confidence });
  });

  it('never turns ND or NA into a number', () => {
    const notNumbers = snapshot.factors.filter((f) => f.value.kind === 'ND' || f.value.kind === 'NA');
    expect(notNumbers.length).toBeGreaterThan(0);
    expect(notNumbers.every((f) => !('value' in f.value))).toBe(true);
    expect(snapshot.factors.some((f) => f.value.kind === 'value' && f.value.value === 0)).toBe(false);
  });

  it('carries unit, activity unit, reference and the confidence reasoning on each factor', () => {
    expect(cell('6b4', 'air')).toMatchObject({
      unit: 'µg TEQ/vehicle',
      activityUnit: 'vehicle burned (EF per vehicle)',
      reference: expect.stringContaining('Annex 46'),
      confidenceNote: 'class name=seen-verbatim; air/land=uncertain',
    });
    expect(cell('6a1', 'air', 'dl-PCB').substanceLabel).toBe('dl-PCB (WHO-2005 TEQ assumed)');
  });

  it('counts numbers by confidence: 165 of the 185 PCDD/PCDF numbers are unverified', () => {
    const numbers = (substance?: string) =>
      snapshot.factors.filter(
        (f) => (f.value.kind === 'value' || f.value.kind === 'range') && (!substance || f.substance === substance),
      );
    const byConfidence = (factors: EmissionFactor[]) =>
      factors.reduce<Record<string, number>>((counts, f) => ({ ...counts, [f.confidence]: (counts[f.confidence] ?? 0) + 1 }), {});
    expect(numbers('PCDD/PCDF')).toHaveLength(185);
    expect(byConfidence(numbers('PCDD/PCDF'))).toEqual({ unverified: 165, verified: 15, inferred: 5 });
    // Other uPOPs (other_upops.csv): 23 numbers, 19 seen; 4 whose column (air) was inferred.
    expect(byConfidence(numbers())).toEqual({ unverified: 165, verified: 34, inferred: 9 });
  });

  it('lists the substances with factors, and no others', () => {
    expect(snapshot.substances).toEqual([
      { code: 'PCDD/PCDF', name: 'Polychlorinated dibenzo-p-dioxins and dibenzofurans', basis: 'TEQ' },
      { code: 'dl-PCB', name: 'Dioxin-like polychlorinated biphenyls', basis: 'TEQ' },
      { code: 'PCB', name: 'Polychlorinated biphenyls (as TEQ, as printed)', basis: 'TEQ' },
      { code: 'HCB', name: 'Hexachlorobenzene', basis: 'mass' },
      { code: 'indicator-PCB', name: 'Indicator PCB (sum of indicator congeners, mass)', basis: 'mass' },
    ]);
  });

  it('has four TEF schemes; WHO-2022 is unverified', () => {
    expect(catalogue.tefSchemes.map((s) => [s.id, s.factors.length, s.confidence])).toEqual([
      ['WHO-2005', 29, 'verified'],
      ['WHO-1998', 29, 'verified'],
      ['I-TEF', 17, 'verified'],
      ['WHO-2022', 29, 'unverified'],
    ]);
  });

  it('maps every category to Annex C once, each mapping labelled an inference', () => {
    expect(catalogue.annexCMapping.map((m) => m.categoryCode).sort()).toEqual(snapshot.categories.map((c) => c.code).sort());
    expect(catalogue.annexCMapping.every((m) => m.basis === 'inference')).toBe(true);
    expect(catalogue.annexCMapping.find((m) => m.categoryCode === '2d')).toMatchObject({ refs: ['II(d)(i)', 'III(b)'] });
    expect(catalogue.annexCMapping.find((m) => m.categoryCode === '6a')).toMatchObject({ refs: [] });
    const names = new Map(snapshot.categories.map((c) => [c.code, c.name]));
    expect(catalogue.annexCMapping.every((m) => names.get(m.categoryCode) === m.categoryName)).toBe(true);
  });

  it('lists Annex C: 6 Part I chemicals, 7 Part II and 13 Part III source categories', () => {
    const count = (part: string) => catalogue.annexC.filter((i) => i.part === part).length;
    expect([count('I'), count('II'), count('III')]).toEqual([6, 7, 13]);
  });
});

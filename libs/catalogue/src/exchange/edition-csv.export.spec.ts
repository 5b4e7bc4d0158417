import { parseCatalogueSheets } from '../domain/catalogue-data.parser';
import type { CatalogueSnapshot, EmissionFactor } from '../domain/catalogue.types';
import { factorKey, type EditionState } from '../domain/catalogue.state';
import { parseCsv } from '../domain/csv';
import { decide } from '../domain/decide';
import { evolve } from '../domain/evolve';
import { readShippedFile, shippedCatalogue } from '../shipped-data';
import { LATER, importedShipped } from '../testing/catalogue.fixtures';
import { exportEditionCsv } from './edition-csv.export';

const shipped = shippedCatalogue().snapshot;
const { state } = importedShipped();
const edition = state.editions['toolkit-2013'];

function parsed(text: string): CatalogueSnapshot {
  const result = parseCatalogueSheets([{ name: 'edition.csv', text }]);
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
  return result.value;
}

function byFactorKey(factors: readonly EmissionFactor[]): Record<string, EmissionFactor> {
  return Object.fromEntries(factors.map((f) => [factorKey(f.classCode, f.substance, f.vector), f]));
}

function byCode<T extends { code: string }>(items: readonly T[]): Record<string, T> {
  return Object.fromEntries(items.map((item) => [item.code, item]));
}

describe('exportEditionCsv', () => {
  const text = exportEditionCsv(edition);

  it('prints the shipped header and as many rows as classes.csv and other_upops.csv together', () => {
    const [header] = readShippedFile('classes.csv').split('\n');
    expect(text.split('\n')[0]).toBe(header);
    const records = parseCsv(text);
    expect(records.ok && records.records.length).toBe(1 + 173 + 19);
  });

  it('reads back, with the domain parser, into the shipped factors, classes, categories and groups', () => {
    const back = parsed(text);
    expect(back.factors).toHaveLength(shipped.factors.length);
    expect(byFactorKey(back.factors)).toEqual(byFactorKey(shipped.factors));
    expect(byCode(back.classes)).toEqual(byCode(shipped.classes));
    expect(byCode(back.categories)).toEqual(byCode(shipped.categories));
    expect(byCode(back.groups)).toEqual(byCode(shipped.groups));
    expect(back.substances).toEqual(shipped.substances);
  });

  it('prints cells as the shipped file does: numbers, ND, empty for NA, ranges as low-high', () => {
    const lines = text.split('\n');
    const row = (prefix: string) => lines.find((l) => l.startsWith(prefix)) ?? '';
    expect(row('1,Waste incineration,1a,Municipal solid waste incineration,1a1,')).toContain(
      'burned,3500,ND,,,75,µg TEQ/t,PCDD/PCDF,2013,',
    );
    expect(lines.filter((l) => l.includes(',1e3,')).some((l) => l.includes(',0.001-0.004,,,,,'))).toBe(true);
    // The one row for three substances stays one row.
    expect(lines.filter((l) => l.includes(',3d5,'))).toHaveLength(2);
  });

  it('sorts rows by group, category, class, then substance (PCDD/PCDF first)', () => {
    const classes = text
      .split('\n')
      .slice(1)
      .filter((l) => l !== '')
      .map((l) => {
        const records = parseCsv(l);
        return records.ok ? records.records[0].fields.slice(0, 5).concat(records.records[0].fields[13]) : [];
      });
    const groups = classes.map((c) => c[0]);
    expect([...new Set(groups)]).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    const of2b2 = classes.filter((c) => c[4] === '2b2').map((c) => c[5]);
    expect(of2b2).toEqual(['PCDD/PCDF', 'PCB (TEQ)', 'HCB']);
    const in2c = classes.filter((c) => c[2] === '2c').map((c) => c[4]);
    expect(in2c.slice(0, 3)).toEqual(['2c1', '2c2', '2c3']);
    expect(in2c.at(-1)).toBe('2c11');
  });

  it("keeps a factor's own confidence when an expert changed it and not the row's text", () => {
    const airOf1a1 = edition.factors[factorKey('1a1', 'PCDD/PCDF', 'air')];
    const decision = decide(
      {
        type: 'SetEmissionFactor',
        editionId: 'toolkit-2013',
        factor: { ...airOf1a1, confidence: 'verified', reference: airOf1a1.reference },
        reason: 'checked against Table II.1.1',
      },
      state,
      LATER,
    );
    if (!decision.ok) throw decision.error;
    const changed: EditionState = decision.events.reduce(evolve, state).editions['toolkit-2013'];
    const back = byFactorKey(parsed(exportEditionCsv(changed)).factors);
    expect(back[factorKey('1a1', 'PCDD/PCDF', 'air')].confidence).toBe('verified');
    expect(back[factorKey('1a1', 'PCDD/PCDF', 'water')].confidence).toBe('unverified');
    expect(back[factorKey('1a1', 'PCDD/PCDF', 'air')].confidenceNote).toContain('air=seen-verbatim');
  });
});

import { FACTOR_SHEET_COLUMNS, parseCatalogueSheets } from './catalogue-data.parser';

const HEADER = FACTOR_SHEET_COLUMNS.join(',');
const REF = 'Toolkit 2013 Table II.1.1';

/** A classes.csv row; cells by column name, defaults for a valid 1a1 PCDD/PCDF row. */
function row(cells: Partial<Record<(typeof FACTOR_SHEET_COLUMNS)[number], string>> = {}): string {
  const defaults: Record<string, string> = {
    group: '1',
    group_name: 'Waste incineration',
    category: '1a',
    category_name: 'Municipal solid waste incineration',
    class: '1a1',
    class_name: '"Low technology combustion, no APCS"',
    activity_unit: 't of waste burned',
    ef_air: '3500',
    ef_water: 'ND',
    ef_land: '',
    ef_product: '',
    ef_residue: '75',
    ef_unit: 'µg TEQ/t',
    substance: 'PCDD/PCDF',
    toolkit_edition: '2013',
    annex_c: 'Part II (a)',
    source_ref: REF,
    confidence: 'uncertain',
    vector_confidence: 'all=uncertain',
    note: '',
  };
  return FACTOR_SHEET_COLUMNS.map((c) => cells[c] ?? defaults[c]).join(',');
}

function sheet(...rows: string[]) {
  return { name: 'edition.csv', text: [HEADER, ...rows].join('\n') + '\n' };
}

describe('parseCatalogueSheets', () => {
  it('reads a valid sheet into groups, categories, classes, substances and five factors per row', () => {
    const result = parseCatalogueSheets([
      sheet(row(), row({ class: '1a2', class_name: 'Controlled combustion', ef_air: '350' })),
    ]);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { groups, categories, classes, substances, factors } = result.value;
    expect(groups).toEqual([{ code: '1', name: 'Waste incineration' }]);
    expect(categories).toEqual([{ code: '1a', groupCode: '1', name: 'Municipal solid waste incineration' }]);
    expect(classes.map((c) => [c.code, c.name])).toEqual([
      ['1a1', 'Low technology combustion, no APCS'],
      ['1a2', 'Controlled combustion'],
    ]);
    expect(substances.map((s) => s.code)).toEqual(['PCDD/PCDF']);
    expect(factors.filter((f) => f.classCode === '1a1').map((f) => [f.vector, f.value])).toEqual([
      ['air', { kind: 'value', value: 3500 }],
      ['water', { kind: 'ND' }],
      ['land', { kind: 'NA' }],
      ['product', { kind: 'NA' }],
      ['residue', { kind: 'value', value: 75 }],
    ]);
  });

  it('names sheet, row and column of each bad cell, and returns nothing when any row is bad', () => {
    const result = parseCatalogueSheets([
      sheet(
        row(),
        row({ class: '1a2', ef_air: '12,000' }), // unquoted comma: one cell too many
        row({ class: '1a3', ef_water: 'n/a' }),
        row({ class: '1a4', confidence: 'probable' }),
        row({ class: '1a5', substance: 'PCN' }),
        row({ class: '1a6', ef_unit: '' }),
      ),
    ]);
    expect(result).toEqual({
      ok: false,
      errors: [
        { sheet: 'edition.csv', row: 3, column: '*', reason: expect.stringContaining('expected 20 cells') },
        { sheet: 'edition.csv', row: 4, column: 'ef_water', reason: expect.stringContaining('"n/a" is not a factor') },
        { sheet: 'edition.csv', row: 5, column: 'confidence', reason: expect.stringContaining('"probable"') },
        { sheet: 'edition.csv', row: 6, column: 'substance', reason: expect.stringContaining('unknown substance "PCN"') },
        { sheet: 'edition.csv', row: 7, column: 'ef_unit', reason: expect.stringContaining('needs its unit') },
      ],
    });
    expect(result).not.toHaveProperty('value');
  });

  it('counts rows as a spreadsheet does, across quoted line breaks and blank rows', () => {
    const text = [HEADER, row({ note: '"first line\nsecond line"' }), '', row({ class: '1a2', ef_residue: 'lots' })].join('\n');
    expect(parseCatalogueSheets([{ name: 'x.csv', text }])).toEqual({
      ok: false,
      errors: [{ sheet: 'x.csv', row: 4, column: 'ef_residue', reason: expect.any(String) }],
    });
  });

  it('names a missing column in the header row', () => {
    const text = HEADER.replace(',vector_confidence', '') + '\n';
    expect(parseCatalogueSheets([{ name: 'x.csv', text }])).toEqual({
      ok: false,
      errors: [{ sheet: 'x.csv', row: 1, column: 'vector_confidence', reason: 'missing column "vector_confidence"' }],
    });
  });

  it('refuses codes that do not fit the hierarchy', () => {
    const result = parseCatalogueSheets([
      sheet(row({ group: 'one' }), row({ category: '2a', class: '2a1' }), row({ class: '1b1' })),
    ]);
    expect(!result.ok && result.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'group'],
      [3, 'category'],
      [4, 'class'],
    ]);
  });

  it('refuses a second row for the same class and substance, naming the first', () => {
    const result = parseCatalogueSheets([sheet(row(), row({ ef_air: '3000' }))]);
    expect(result).toEqual({
      ok: false,
      errors: [{ sheet: 'edition.csv', row: 3, column: 'substance', reason: expect.stringContaining('edition.csv row 2') }],
    });
  });

  it('refuses names that contradict an earlier row, also across sheets', () => {
    const other = {
      name: 'other.csv',
      text: `${HEADER}\n${row({ category_name: 'MSW incineration', substance: 'HCB', ef_unit: 'µg/t' })}\n`,
    };
    const result = parseCatalogueSheets([sheet(row()), other]);
    expect(result).toEqual({
      ok: false,
      errors: [{ sheet: 'other.csv', row: 2, column: 'category_name', reason: expect.stringContaining('edition.csv row 2') }],
    });
  });

  it('refuses factors on a category row (a row without class)', () => {
    const result = parseCatalogueSheets([sheet(row({ class: '', class_name: '(classes not retrieved)' }))]);
    expect(!result.ok && result.errors[0]).toEqual({
      sheet: 'edition.csv',
      row: 2,
      column: 'class',
      reason: expect.stringContaining('cannot carry factors'),
    });
  });

  it('keeps a category row as the category remark', () => {
    const categoryRow = row({
      class: '',
      class_name: '(classes not retrieved)',
      ef_air: '',
      ef_water: '',
      ef_residue: '',
      ef_unit: '',
      confidence: 'seen-verbatim',
    });
    const result = parseCatalogueSheets([sheet(categoryRow)]);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.classes).toEqual([]);
    expect(result.value.categories[0].remark).toEqual({
      description: '(classes not retrieved)',
      activityUnit: 't of waste burned',
      reference: REF,
      confidence: 'verified',
      note: '',
    });
  });

  it('refuses a row without a source reference', () => {
    const result = parseCatalogueSheets([sheet(row({ source_ref: '' }))]);
    expect(!result.ok && result.errors[0].column).toBe('source_ref');
  });

  it('expands a cell naming several substances into factors for each', () => {
    const result = parseCatalogueSheets([
      sheet(
        row({
          substance: '"dl-PCB, sum-6 indicator PCB, HCB"',
          ef_air: '',
          ef_water: '',
          ef_residue: '',
          confidence: 'uncertain',
        }),
      ),
    ]);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect([...new Set(result.value.factors.map((f) => f.substance))]).toEqual(['dl-PCB', 'indicator-PCB', 'HCB']);
    expect(result.value.factors.every((f) => f.substanceLabel === 'dl-PCB, sum-6 indicator PCB, HCB')).toBe(true);
  });

  it('refines confidence per vector from vector_confidence', () => {
    const result = parseCatalogueSheets([sheet(row({ vector_confidence: '"air=seen-verbatim; residue=uncertain"' }))]);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(Object.fromEntries(result.value.factors.map((f) => [f.vector, f.confidence]))).toEqual({
      air: 'verified',
      water: 'unverified',
      land: 'unverified',
      product: 'unverified',
      residue: 'unverified',
    });
  });
});

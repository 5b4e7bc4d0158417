import { PassThrough } from 'node:stream';
import { Workbook } from 'exceljs';
import type { EmissionFactor } from '../domain/catalogue.types';
import { factorKey, initialCatalogueState } from '../domain/catalogue.state';
import { FACTOR_SHEET_COLUMNS } from '../domain/factor-row';
import { decide } from '../domain/decide';
import { shippedCatalogue } from '../shipped-data';
import { NOW } from '../testing/catalogue.fixtures';
import { importEditionXlsx, WORKBOOK, type EditionXlsxImport } from './edition-xlsx.import';
import { exportedXlsx, shippedEdition } from './xlsx-buffer.testing';

const shipped = shippedCatalogue().snapshot;
const target = { editionId: 'toolkit-2013-xlsx', title: 'Toolkit 2013 (from XLSX)', reason: 'round trip of the export' };

function byFactorKey(factors: readonly EmissionFactor[]): Record<string, EmissionFactor> {
  return Object.fromEntries(factors.map((f) => [factorKey(f.classCode, f.substance, f.vector), f]));
}

function byCode<T extends { code: string }>(items: readonly T[]): Record<string, T> {
  return Object.fromEntries(items.map((item) => [item.code, item]));
}

/** A sound 1a1 row of the layout, with some cells changed. */
function layoutRow(change: Record<string, string | number | null> = {}): (string | number | null)[] {
  const row: Record<string, string | number | null> = {
    group: '1',
    group_name: 'Waste incineration',
    category: '1a',
    category_name: 'Municipal solid waste incineration',
    class: '1a1',
    class_name: 'Low technology combustion, no APCS',
    activity_unit: 't of waste burned',
    ef_air: 3500,
    ef_water: 'ND',
    ef_land: null,
    ef_product: null,
    ef_residue: 75,
    ef_unit: 'µg TEQ/t',
    substance: 'PCDD/PCDF',
    toolkit_edition: '2013',
    annex_c: 'Part II (a)',
    source_ref: 'Toolkit 2013, Table II.1.1',
    confidence: 'uncertain',
    vector_confidence: 'all=uncertain',
    note: '',
    ...change,
  };
  return FACTOR_SHEET_COLUMNS.map((column) => row[column]);
}

async function workbookBuffer(fill: (workbook: Workbook) => void): Promise<Buffer> {
  const workbook = new Workbook();
  fill(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function errorsOf(result: EditionXlsxImport) {
  expect(result.ok).toBe(false);
  expect(result).not.toHaveProperty('value');
  return result.ok ? [] : result.errors;
}

describe('importEditionXlsx', () => {
  let exported: Buffer;
  beforeAll(async () => {
    exported = await exportedXlsx(shippedEdition());
  });

  it('reads an exported edition back into the shipped factors, classes, categories and groups', async () => {
    const result = await importEditionXlsx(exported, target);
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
    expect(result.skippedSheets).toEqual(['About']);
    const { snapshot, ...command } = result.value;
    expect(command).toEqual({ type: 'ImportEditionSnapshot', ...target });
    expect(snapshot.factors).toHaveLength(shipped.factors.length);
    expect(byFactorKey(snapshot.factors)).toEqual(byFactorKey(shipped.factors));
    expect(byCode(snapshot.classes)).toEqual(byCode(shipped.classes));
    expect(byCode(snapshot.categories)).toEqual(byCode(shipped.categories));
    expect(byCode(snapshot.groups)).toEqual(byCode(shipped.groups));
    expect(snapshot.substances).toEqual(shipped.substances);
  });

  it('gives a command the decider accepts, from a stream as from a buffer', async () => {
    const stream = new PassThrough();
    stream.end(exported);
    const result = await importEditionXlsx(stream, target);
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
    const decision = decide(result.value, initialCatalogueState, NOW);
    expect(decision.ok && decision.events.filter((e) => e.type === 'EmissionFactorSet')).toHaveLength(875);
  });

  it('reports every bad row with sheet, row and column, and returns nothing else', async () => {
    const buffer = await workbookBuffer((workbook) => {
      const sheet = workbook.addWorksheet('1 Waste incineration');
      sheet.addRow([...FACTOR_SHEET_COLUMNS]);
      sheet.addRow(layoutRow());
      sheet.addRow(layoutRow({ class: '1a2', ef_air: 'abc' }));
      sheet.addRow(layoutRow({ class: '1a3', ef_water: 'n.d.' }));
      sheet.addRow(layoutRow({ class: null }));
    });
    const errors = errorsOf(await importEditionXlsx(buffer, target));
    expect(errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
      ['1 Waste incineration', 3, 'ef_air'],
      ['1 Waste incineration', 4, 'ef_water'],
      ['1 Waste incineration', 5, 'class'],
    ]);
    expect(errors[0].reason).toContain('"abc" is not a factor');
    expect(errors[1].reason).toContain('"n.d." is not a factor');
    expect(errors[2].reason).toContain('a row without a class');
  });

  it('finds the header below a title row, reads Annex 4 column names, and points errors at the worksheet', async () => {
    const looseHeader = FACTOR_SHEET_COLUMNS.map((column) =>
      column.startsWith('ef_') && column !== 'ef_unit' ? column.slice(3).replace(/^./, (c) => c.toUpperCase()) : column,
    ).map((name) => (name === 'class' ? 'Class' : name));
    const annex4 = (rows: (string | number | null)[][]) =>
      workbookBuffer((workbook) => {
        workbook.addWorksheet('Notes').addRow(['Factors compiled from Annex 4']);
        const sheet = workbook.addWorksheet('Annex 4 (1a)');
        sheet.addRow(['Table II.1.1 Emission factors for municipal solid waste incineration']);
        sheet.addRow([]);
        sheet.addRow(looseHeader);
        rows.forEach((row) => sheet.addRow(row));
      });

    const result = await importEditionXlsx(await annex4([layoutRow(), [], layoutRow({ class: '1a2', ef_air: 350 })]), target);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.skippedSheets).toEqual(['Notes']);
    const factors = byFactorKey(result.value.snapshot.factors);
    expect(factors[factorKey('1a1', 'PCDD/PCDF', 'air')].value).toEqual({ kind: 'value', value: 3500 });
    expect(factors[factorKey('1a1', 'PCDD/PCDF', 'water')].value).toEqual({ kind: 'ND' });
    expect(factors[factorKey('1a2', 'PCDD/PCDF', 'air')].value).toEqual({ kind: 'value', value: 350 });

    const badSheet = await annex4([layoutRow(), layoutRow({ class: '1a2', ef_land: 'abc' })]);
    const bad = errorsOf(await importEditionXlsx(badSheet, target));
    expect(bad.map((e) => [e.sheet, e.row, e.column])).toEqual([['Annex 4 (1a)', 5, 'Land']]);
  });

  it('refuses a file that is not a workbook, and a workbook without a factor table', async () => {
    const notXlsx = errorsOf(await importEditionXlsx(Buffer.from('group,class\n1,1a1\n'), target));
    expect(notXlsx).toEqual([
      expect.objectContaining({ sheet: WORKBOOK, row: 0, reason: expect.stringContaining('not a readable XLSX') }),
    ]);

    const noTable = await workbookBuffer((workbook) => workbook.addWorksheet('About').addRow(['Edition', 'x']));
    expect(errorsOf(await importEditionXlsx(noTable, target))).toEqual([
      expect.objectContaining({
        sheet: WORKBOOK,
        column: 'class',
        reason: expect.stringContaining('no sheet has a factor table'),
      }),
    ]);
  });
});

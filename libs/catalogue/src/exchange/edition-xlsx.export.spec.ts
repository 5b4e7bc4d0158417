import { Writable } from 'node:stream';
import { Workbook, type Worksheet } from 'exceljs';
import { parseCsv } from '../domain/csv';
import { readShippedFile } from '../shipped-data';
import { exportEditionXlsx } from './edition-xlsx.export';
import { exportedXlsx, shippedEdition } from './xlsx-buffer.testing';

const edition = shippedEdition();
const VECTOR_COLUMNS = ['ef_air', 'ef_water', 'ef_land', 'ef_product', 'ef_residue'];

/** The rows of a shipped data file, read with the CSV reader only. */
function dataFileRows(file: 'classes.csv' | 'other_upops.csv'): Record<string, string>[] {
  const csv = parseCsv(readShippedFile(file));
  if (!csv.ok) throw new Error(JSON.stringify(csv.errors));
  const [header, ...rows] = csv.records;
  return rows.map((r) => Object.fromEntries(header.fields.map((name, i) => [name, r.fields[i]])));
}

/** A worksheet row as { column: value }, found by class and printed substance. */
function worksheetRow(sheet: Worksheet, classCode: string, substance: string): Record<string, unknown> {
  const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const values = (sheet.getRow(r).values as unknown[]).slice(1);
    const row = Object.fromEntries(header.map((name, i) => [name, values[i] ?? null]));
    if (row['class'] === classCode && row['substance'] === substance) return row;
  }
  throw new Error(`no row ${classCode} ${substance} in ${sheet.name}`);
}

/** What the data file's cell should be in the workbook: a number, ND or a range as text, NA empty. */
function expectedCell(text: string): number | string | null {
  if (text === '' || text === 'NA') return null;
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

describe('exportEditionXlsx', () => {
  let workbook: Workbook;
  const progress: [number, number][] = [];

  beforeAll(async () => {
    const buffer = await exportedXlsx(edition, { onProgress: (written, total) => progress.push([written, total]) });
    workbook = new Workbook();
    await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  });

  it('writes an About sheet, then one sheet per source group that has rows, named by code and name', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'About',
      '1 Waste incineration',
      '2 Ferrous and non-ferrous metal',
      '3 Heat and power generation',
      '4 Production of mineral',
      '5 Transport',
      '6 Open burning processes',
      '7 Production of chemicals and',
      '8 Miscellaneous',
      '9 Disposal-landfill',
      '10 Contaminated sites and hot',
    ]);
    // Groups 1-9 have classes; group 10 (hot spots) has only its categories' rows, kept too.
    const groupsWithRows = new Set(Object.values(edition.categories).map((c) => c.groupCode));
    expect(workbook.worksheets).toHaveLength(groupsWithRows.size + 1);
    expect(workbook.worksheets.every((s) => s.name.length <= 31 && !/[[\]:*?/\\]/.test(s.name))).toBe(true);
  });

  it('holds the numbers of the data files, cell by cell, across groups and substances', () => {
    const sheet = (code: string) => workbook.worksheets.find((s) => s.name.startsWith(`${code} `))!;
    const oneA1 = worksheetRow(sheet('1'), '1a1', 'PCDD/PCDF');
    expect([oneA1['ef_air'], oneA1['ef_water'], oneA1['ef_land'], oneA1['ef_residue']]).toEqual([3500, 'ND', null, 75]);

    const samples: ['classes.csv' | 'other_upops.csv', string, string][] = [
      ['classes.csv', '1a4', 'PCDD/PCDF'],
      ['classes.csv', '2c1', 'PCDD/PCDF'],
      ['classes.csv', '3b2', 'PCDD/PCDF'],
      ['classes.csv', '4a1', 'PCDD/PCDF'],
      ['classes.csv', '8a1', 'PCDD/PCDF'],
      ['other_upops.csv', '6a1', 'dl-PCB (WHO-2005 TEQ assumed)'],
      ['other_upops.csv', '1e3', 'dl-PCB'],
      ['other_upops.csv', '1e3', 'indicator PCB (mass)'],
      ['other_upops.csv', '5d1', 'PCB'],
      ['other_upops.csv', '2b2', 'HCB'],
    ];
    for (const [file, classCode, substance] of samples) {
      const expected = dataFileRows(file).find((r) => r['class'] === classCode && r['substance'] === substance)!;
      const row = worksheetRow(sheet(expected['group']), classCode, substance);
      for (const column of VECTOR_COLUMNS) {
        const cell = expectedCell(expected[column]);
        expect([classCode, substance, column, row[column]]).toEqual([classCode, substance, column, cell]);
      }
      expect(row['ef_unit']).toBe(expected['ef_unit']);
    }
  });

  it('has a bold, frozen header with the columns of the shipped layout', () => {
    const [header] = readShippedFile('classes.csv').split('\n');
    for (const sheet of workbook.worksheets.slice(1)) {
      expect((sheet.getRow(1).values as unknown[]).slice(1).join(',')).toBe(header);
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    }
  });

  it('fills unverified numbers light yellow, and nothing else', () => {
    const filled = (sheetCode: string, classCode: string, substance: string, column: string) => {
      const sheet = workbook.worksheets.find((s) => s.name.startsWith(`${sheetCode} `))!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      for (let r = 2; r <= sheet.rowCount; r++) {
        const row = sheet.getRow(r);
        if (row.getCell(5).value === classCode && row.getCell(14).value === substance) {
          const fill = row.getCell(header.indexOf(column) + 1).fill;
          return fill?.type === 'pattern' ? fill.fgColor?.argb : undefined;
        }
      }
      throw new Error(`no row ${classCode}`);
    };
    expect(filled('1', '1a1', 'PCDD/PCDF', 'ef_air')).toBe('FFFFF2CC');
    expect(filled('1', '1a1', 'PCDD/PCDF', 'ef_water')).toBeUndefined(); // ND: no number to distrust
    expect(filled('6', '6a1', 'dl-PCB (WHO-2005 TEQ assumed)', 'ef_air')).toBeUndefined(); // seen-verbatim
    expect(filled('1', '1a1', 'PCDD/PCDF', 'confidence')).toBeUndefined();
  });

  it('states on the About sheet the edition, its counts by confidence, and that unverified factors are unchecked', () => {
    const about = workbook.getWorksheet('About')!;
    const lines = new Map<string, unknown>();
    const texts: string[] = [];
    about.eachRow((row) => {
      lines.set(String(row.getCell(1).value), row.getCell(2).value);
      texts.push(String(row.getCell(1).value));
    });
    expect([lines.get('Edition'), lines.get('Title'), lines.get('Status')]).toEqual([
      'toolkit-2013',
      'Toolkit 2013 (transcription)',
      'draft',
    ]);
    // The README's counts: 208 numbers, of which 34 verified, 9 inferred, 165 unverified.
    expect([lines.get('verified'), lines.get('inferred'), lines.get('unverified')]).toEqual([34, 9, 165]);
    expect(texts.some((t) => /unverified factors are transcriptions that were not checked against the Toolkit/i.test(t))).toBe(
      true,
    );
  });

  it('reports progress row by row, up to the total', () => {
    expect(progress).toHaveLength(173 + 19);
    expect(progress.at(-1)).toEqual([192, 192]);
    expect(progress.every(([written], i) => written === i + 1)).toBe(true);
  });

  it('resolves once the stream has finished, and rejects when the stream fails', async () => {
    const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
    await exportEditionXlsx(edition, sink);
    expect(sink.writableFinished).toBe(true);

    const broken = new Writable({ write: (_chunk, _encoding, done) => done(new Error('disk full')) });
    await expect(exportEditionXlsx(edition, broken)).rejects.toThrow('disk full');
  });
});

import { parseCsv } from './csv';

function records(text: string) {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.records;
}

describe('parseCsv', () => {
  it('reads quoted fields holding commas, doubled quotes and line breaks', () => {
    const text = 'a,b,c\n1,"Low technology combustion, no APCS","He said ""ND"""\n2,"two\nlines",x\n';
    expect(records(text)).toEqual([
      { row: 1, line: 1, fields: ['a', 'b', 'c'] },
      { row: 2, line: 2, fields: ['1', 'Low technology combustion, no APCS', 'He said "ND"'] },
      // The record starts on line 3 and spans two lines; it is still spreadsheet row 3.
      { row: 3, line: 3, fields: ['2', 'two\nlines', 'x'] },
    ]);
  });

  it('keeps empty fields (NA cells) and accepts CRLF, a BOM and a missing final newline', () => {
    expect(records('\uFEFFa,b,c\r\n3500,ND,\r\n,,')).toEqual([
      { row: 1, line: 1, fields: ['a', 'b', 'c'] },
      { row: 2, line: 2, fields: ['3500', 'ND', ''] },
      { row: 3, line: 3, fields: ['', '', ''] },
    ]);
  });

  it('keeps a quoted empty field and a blank line as records of their own', () => {
    expect(records('a\n""\n\nb\n')).toEqual([
      { row: 1, line: 1, fields: ['a'] },
      { row: 2, line: 2, fields: [''] },
      { row: 3, line: 3, fields: [''] },
      { row: 4, line: 4, fields: ['b'] },
    ]);
  });

  it('names row, line and field of a quote inside an unquoted field', () => {
    expect(parseCsv('a,b\n1,2\n3,4 "inch"\n')).toEqual({
      ok: false,
      errors: [{ row: 3, line: 3, field: 2, reason: expect.stringContaining('quote inside an unquoted field') }],
    });
  });

  it('names text after a closing quote', () => {
    expect(parseCsv('a,b\n"x" y,2\n')).toEqual({
      ok: false,
      errors: [{ row: 2, line: 2, field: 1, reason: expect.stringContaining('after the closing quote') }],
    });
  });

  it('names a quoted field that is never closed, at the row where it starts', () => {
    expect(parseCsv('a,b\n1,2\n3,"open\nmore\n')).toEqual({
      ok: false,
      errors: [{ row: 3, line: 3, field: 2, reason: expect.stringContaining('never closed') }],
    });
  });

  it('reports every broken record and keeps counting rows after them', () => {
    const result = parseCsv('a\nx"y\nok\n"z"w\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.row)).toEqual([2, 4]);
  });
});

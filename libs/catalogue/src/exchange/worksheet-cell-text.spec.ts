import { cellText } from './worksheet-cell-text';

describe('cellText', () => {
  it('reads a cell as its CSV text: numbers as printed, formulas by result, rich text and links by text', () => {
    expect([cellText(3500), cellText(0.00075), cellText(1e-7), cellText(null), cellText(undefined)]).toEqual([
      '3500',
      '0.00075',
      '1e-7',
      '',
      '',
    ]);
    expect(cellText({ formula: 'A1*2', result: 0 })).toBe('0');
    expect(cellText({ formula: 'A1*2' })).toBe('');
    expect(cellText({ richText: [{ text: '0.001' }, { text: '-0.004' }] })).toBe('0.001-0.004');
    expect(cellText({ text: 'Table II.1.1', hyperlink: 'http://toolkit.pops.int' })).toBe('Table II.1.1');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
    expect(cellText(new Date('2013-01-01T00:00:00.000Z'))).toBe('2013-01-01T00:00:00.000Z');
  });
});

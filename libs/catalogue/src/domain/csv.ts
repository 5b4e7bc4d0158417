/**
 * A small RFC 4180 reader. Written here rather than taken from npm because the catalogue must
 * report *where* a sheet is malformed (an expert fixes their Excel export from the message), and
 * the rules are few: comma-separated fields, double-quoted fields may hold commas, line breaks
 * and doubled quotes, records end at LF or CRLF.
 */

export interface CsvRecord {
  /** 1-based record number, as a spreadsheet numbers rows (the header is row 1). */
  row: number;
  /** 1-based line of the file where the record starts (differs from `row` after quoted line breaks). */
  line: number;
  fields: string[];
}

export interface CsvError {
  row: number;
  line: number;
  /** 1-based field position within the record. */
  field: number;
  reason: string;
}

export type CsvResult = { ok: true; records: CsvRecord[] } | { ok: false; errors: CsvError[] };

export function parseCsv(text: string): CsvResult {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const errors: CsvError[] = [];

  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  // True once a closing quote ended the field: only a separator or a record end may follow.
  let afterClosingQuote = false;
  // The current record already has an error: skip to its end, report it once.
  let recordBroken = false;

  const fail = (reason: string) => {
    if (recordBroken) return;
    recordBroken = true;
    errors.push({ row: records.length + errors.length + 1, line: recordLine, field: fields.length + 1, reason });
  };
  const endField = () => {
    fields.push(field);
    field = '';
    afterClosingQuote = false;
  };
  const endRecord = () => {
    endField();
    if (!recordBroken) records.push({ row: records.length + errors.length + 1, line: recordLine, fields });
    fields = [];
    recordBroken = false;
  };

  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (inQuotes) {
      if (c === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
          afterClosingQuote = true;
        }
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === ',') {
      endField();
    } else if (c === '\n' || (c === '\r' && input[i + 1] === '\n')) {
      if (c === '\r') i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (c === '"') {
      if (field === '' && !afterClosingQuote) inQuotes = true;
      else fail('a quote inside an unquoted field (quote the whole field and double the inner quote)');
    } else if (afterClosingQuote) {
      fail('text after the closing quote of a field (expected a comma or the end of the row)');
    } else {
      field += c;
    }
  }

  if (inQuotes) {
    fail('a quoted field is never closed (missing closing quote)');
    inQuotes = false;
  }
  // A final line break ends the last record; anything after the last one is a record of its own.
  if (field !== '' || fields.length > 0 || afterClosingQuote || recordBroken) endRecord();

  return errors.length > 0 ? { ok: false, errors } : { ok: true, records };
}

/** True for a record that is an empty line (a spreadsheet's blank row). */
export function isBlankRecord(record: CsvRecord): boolean {
  return record.fields.length === 1 && record.fields[0].trim() === '';
}

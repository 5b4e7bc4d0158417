/**
 * One CSV record as the domain's reader (RFC 4180) reads it back: a field is quoted only when
 * it holds a comma, a quote or a line break, and inner quotes are doubled. Quoting nothing else
 * keeps the text as close to the shipped files as the content allows.
 */
export function csvLine(fields: readonly string[]): string {
  return fields.map((field) => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field)).join(',');
}

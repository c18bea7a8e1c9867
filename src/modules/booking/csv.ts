/**
 * CSV for spreadsheet programs (Excel first): a UTF-8 byte order mark so Korean text opens right,
 * CRLF lines, RFC 4180 quoting, and text that a spreadsheet would run as a formula (starting with
 * = + - @, or a tab or carriage return) prefixed with an apostrophe (OWASP "CSV injection").
 */
export const CSV_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(cells: (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/**
 * Values in PostgreSQL's COPY text format
 * (https://www.postgresql.org/docs/15/sql-copy.html#id-1.9.3.55.9.2).
 */

/** A value as one column of a COPY text row: `\N` for null, backslash, tab and line breaks escaped. */
export function copyValue(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value !== 'string') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** One COPY text row. */
export function copyRow(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(copyValue).join('\t')}\n`;
}

/** A text[] literal (https://www.postgresql.org/docs/15/arrays.html#ARRAYS-IO): every element quoted. */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

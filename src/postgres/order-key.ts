/**
 * Order keys as the database holds them. The graph's keys end ids and names
 * with U+0000, which PostgreSQL's text cannot hold; U+0001 stands for it (the
 * import refuses data with U+0000 or U+0001 in a string, so the swap loses
 * nothing and compares the same). Under `COLLATE "C"` the database compares
 * UTF-8 bytes, which is code point order; JavaScript compares UTF-16 code
 * units. The two agree except where a character above U+FFFF meets one of
 * U+E000 to U+FFFF at the same place (README, "PostgreSQL store").
 */

/** The database form of an order key. */
export function toDatabaseOrder(key: string): string {
  return key.replaceAll('\u0000', '\u0001');
}

/** The graph's form of an order key read from the database. */
export function fromDatabaseOrder(key: string): string {
  return key.replaceAll('\u0001', '\u0000');
}

/** Why a string cannot be stored as it is, or null when it can. */
export function unstorableReason(value: string): string | null {
  if (value.includes('\u0000')) return 'holds the character U+0000, which PostgreSQL cannot store in text';
  if (value.includes('\u0001')) return 'holds the control character U+0001, which the PostgreSQL store keeps for its order keys';
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)) return 'holds a lone UTF-16 surrogate, which is not text PostgreSQL can store';
  return null;
}

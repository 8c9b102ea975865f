/** The unit vocabulary of figures (see graph-data/README.md, "Units"). */

/** A duration unit: what a figure of time is counted in. */
export type DurationUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** The duration units, in order of length. */
export const DURATION_UNITS: readonly DurationUnit[] = ['day', 'week', 'month', 'quarter', 'year'];

/** What kind of quantity a unit measures. */
export type UnitKind = 'MONEY' | 'PERCENT' | 'COUNT' | 'DURATION';

/** The unit of a share: 21% is 21 `percent`. */
export const PERCENT = 'percent';

/** The unit of a count; what is counted is the figure's `counted`. */
export const COUNT = 'count';

/** ISO 4217 codes, as Node's ICU knows them (it follows the ISO 4217 list and CLDR). */
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** True for an ISO 4217 currency code (USD, EUR, JPY). */
export function isCurrencyCode(unit: string): boolean {
  return CURRENCIES.has(unit);
}

/** The kind of a unit of the vocabulary, or undefined for a unit outside it. */
export function unitKind(unit: string): UnitKind | undefined {
  if (isCurrencyCode(unit)) return 'MONEY';
  if (unit === PERCENT) return 'PERCENT';
  if (unit === COUNT) return 'COUNT';
  if ((DURATION_UNITS as readonly string[]).includes(unit)) return 'DURATION';
  return undefined;
}

/** The vocabulary in one sentence, for problems that name it. */
export const UNIT_VOCABULARY =
  'an ISO 4217 currency code for money (USD, EUR, GBP, JPY, ...), "percent", "count" (with "counted", what is counted), or a duration: "day", "week", "month", "quarter", "year"';

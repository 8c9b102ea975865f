/** How the explorer says a figure: plain functions, no DOM, so that they can be tested in Node. */

/** A number in the reader's locale, with its unit: a currency code as money, a share as a percentage, a count with what it counts. */
function formatAmount(value: number, unit: string, counted?: string | null): string {
  if (/^[A-Z]{3}$/.test(unit)) {
    try {
      return new Intl.NumberFormat(undefined, { style: 'currency', currency: unit, notation: 'compact', maximumFractionDigits: 1 }).format(value);
    } catch {
      // Not a currency Intl knows: shown as a number and a code.
    }
  }
  const number = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 2 }).format(value);
  if (unit === 'percent') return `${number}%`;
  if (unit === 'count') return counted ? `${number} ${counted}` : number;
  return `${number} ${unit}${value === 1 || !['day', 'week', 'month', 'quarter', 'year'].includes(unit) ? '' : 's'}`;
}

/** The words of each qualifier, before the number it bounds. */
const QUALIFIER_WORDS: Readonly<Record<string, string>> = {
  LESS_THAN: 'less than',
  MORE_THAN: 'more than',
  ABOUT: 'about',
  NEARLY: 'nearly',
  UP_TO: 'up to',
  AT_LEAST: 'at least',
};

/** The words of each basis of a change. */
const BASIS_WORDS: Readonly<Record<string, string>> = {
  YEAR_OVER_YEAR: 'year over year',
  QUARTER_OVER_QUARTER: 'quarter over quarter',
  MONTH_OVER_MONTH: 'month over month',
};

const qualified = (words: string, qualifier?: string | null) => (qualifier ? `${QUALIFIER_WORDS[qualifier] ?? qualifier} ${words}` : words);

/** A figure as it reads: its change, if any, and its level (a value or a range) with its unit, qualifier and period. */
export function formatFigure(figure: {
  value?: number | null;
  minValue?: number | null;
  maxValue?: number | null;
  unit?: string;
  counted?: string | null;
  qualifier?: string | null;
  change?: { direction: string; value: number | null; unit: string | null; qualifier: string | null; basis: string | null } | null;
  period?: string | null;
}): string {
  const unit = figure.unit ?? '';
  const has = (n: number | null | undefined): n is number => n !== null && n !== undefined;
  const level = has(figure.value)
    ? qualified(formatAmount(figure.value, unit, figure.counted), figure.qualifier)
    : has(figure.minValue) || has(figure.maxValue)
      ? `${has(figure.minValue) ? formatAmount(figure.minValue, unit, figure.counted) : '…'} to ${has(figure.maxValue) ? formatAmount(figure.maxValue, unit, figure.counted) : '…'}`
      : null;
  const change = figure.change;
  const amount = change
    ? [
        change.direction === 'UP' ? 'up' : 'down',
        has(change.value) ? qualified(formatAmount(change.value, change.unit ?? ''), change.qualifier) : null,
        change.basis ? (BASIS_WORDS[change.basis] ?? change.basis) : null,
      ]
        .filter((part) => part !== null)
        .join(' ') + (level ? `, to ${level}` : '')
    : (level ?? '');
  return figure.period ? `${amount} (${figure.period})` : amount;
}

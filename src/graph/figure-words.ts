/**
 * Reading the words of a figure ("$60 billion to $65 billion", "nearly 2%",
 * "rose 21% year over year to $48.39 billion") into what they say: a level
 * (a value or a range, its unit, what is counted, a qualifier) and a change
 * (a direction, by how much, on what basis). Pure: no files, no GraphQL.
 * The rules are listed in graph-data/README.md ("Figure words").
 */
import { COUNT, isCurrencyCode, PERCENT } from './figure-units';
import type { ChangeBasis, ChangeDirection, FigureQualifier } from './model';

export type { ChangeBasis, ChangeDirection, FigureQualifier };

/** A quantity as the words say it: a point value or a range, in full units. */
export interface ReadAmount {
  /** The point value, or null for a range. */
  readonly value: number | null;
  readonly minValue: number | null;
  readonly maxValue: number | null;
  /** The units the words allow: one, but for "¥" (JPY or CNY). */
  readonly units: readonly string[];
  /** What a count counts ("people"), as written; null for other units. */
  readonly counted: string | null;
  readonly qualifier: FigureQualifier | null;
}

/** A change as the words say it: "rose 21% year over year". */
export interface ReadChange {
  readonly direction: ChangeDirection;
  /** By how much, or null when the words give only the direction ("rose to $5 billion"). */
  readonly amount: ReadAmount | null;
  readonly basis: ChangeBasis | null;
}

/** What a figure's words say. */
export interface FigureReading {
  /** The level reached or stated; null when the words state only a change ("tank 17%"). */
  readonly level: ReadAmount | null;
  readonly change: ReadChange | null;
}

/** The outcome of reading one phrase: what it says, or why it cannot be read. */
export type PhraseReading = { readonly ok: true; readonly reading: FigureReading } | { readonly ok: false; readonly reason: string };

/** A figure phrase found in a text, with its UTF-16 offsets (end exclusive). */
export interface FoundFigure {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly reading: FigureReading;
}

type TokenKind = 'number' | 'word' | 'currency' | 'percent' | 'dash' | 'other';

interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** True when no space separates the token from the one before ("3.2bn", "21%"). */
  readonly joined: boolean;
}

const TOKEN = new RegExp(
  [
    String.raw`(?<currency>(?:US|CA|AU|NZ|HK|C|A|S)?\$|[€£¥])`,
    String.raw`(?<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:\.\d+)?)`,
    String.raw`(?<percent>%)`,
    String.raw`(?<dash>[-\u2010\u2011\u2013])`,
    String.raw`(?<word>\p{L}+(?:['\u2019]\p{L}+)?)`,
    String.raw`(?<other>\S)`,
  ].join('|'),
  'gu',
);

/** Splits a text into the tokens the reader works on, with their offsets. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = -1;
  for (const match of text.matchAll(TOKEN)) {
    const groups = match.groups!;
    const kind = (Object.keys(groups) as TokenKind[]).find((k) => groups[k] !== undefined)!;
    const start = match.index!;
    tokens.push({ kind, text: match[0], start, end: start + match[0].length, joined: start === last });
    last = start + match[0].length;
  }
  return tokens;
}

const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  [
    'zero',
    'one',
    'two',
    'three',
    'four',
    'five',
    'six',
    'seven',
    'eight',
    'nine',
    'ten',
    'eleven',
    'twelve',
    'thirteen',
    'fourteen',
    'fifteen',
    'sixteen',
    'seventeen',
    'eighteen',
    'nineteen',
    'twenty',
  ].map((w, i) => [w, i]),
);

/** Scale words, as powers of ten. */
const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['hundred', 2],
  ['thousand', 3],
  ['million', 6],
  ['billion', 9],
  ['trillion', 12],
]);

/** Abbreviations written straight after the number ("3.2bn", "40m", "5k"). */
const SCALE_ABBREVIATIONS: ReadonlyMap<string, number> = new Map([
  ['k', 3],
  ['m', 6],
  ['mn', 6],
  ['bn', 9],
  ['tn', 12],
]);

const CURRENCY_SYMBOLS: ReadonlyMap<string, readonly string[]> = new Map([
  ['$', ['USD']],
  ['US$', ['USD']],
  ['C$', ['CAD']],
  ['CA$', ['CAD']],
  ['A$', ['AUD']],
  ['AU$', ['AUD']],
  ['NZ$', ['NZD']],
  ['HK$', ['HKD']],
  ['S$', ['SGD']],
  ['€', ['EUR']],
  ['£', ['GBP']],
  // The yen and the yuan share the sign; the words cannot tell them apart.
  ['¥', ['JPY', 'CNY']],
]);

const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ['dollar', 'USD'],
  ['dollars', 'USD'],
  ['euro', 'EUR'],
  ['euros', 'EUR'],
  ['yen', 'JPY'],
  ['yuan', 'CNY'],
]);

const DURATION_WORDS: ReadonlyMap<string, string> = new Map(
  ['day', 'week', 'month', 'quarter', 'year'].flatMap((unit) => [
    [unit, unit],
    [`${unit}s`, unit],
  ]),
);

const QUALIFIER_PHRASES: readonly (readonly [string, FigureQualifier])[] = [
  ['less than', 'LESS_THAN'],
  ['fewer than', 'LESS_THAN'],
  ['under', 'LESS_THAN'],
  ['below', 'LESS_THAN'],
  ['more than', 'MORE_THAN'],
  ['over', 'MORE_THAN'],
  ['above', 'MORE_THAN'],
  ['about', 'ABOUT'],
  ['around', 'ABOUT'],
  ['roughly', 'ABOUT'],
  ['approximately', 'ABOUT'],
  ['some', 'ABOUT'],
  ['an estimated', 'ABOUT'],
  ['nearly', 'NEARLY'],
  ['almost', 'NEARLY'],
  ['close to', 'NEARLY'],
  ['up to', 'UP_TO'],
  ['as much as', 'UP_TO'],
  ['as many as', 'UP_TO'],
  ['at least', 'AT_LEAST'],
  ['no less than', 'AT_LEAST'],
  ['no fewer than', 'AT_LEAST'],
];

const UP_WORDS =
  'rose rise rises rising risen increased increase increases increasing grew grow grows growing grown up jumped jump jumps jumping climbed climb climbs climbing gained gain gains gaining surged surge surges surging soared soar soars soaring rallied rally rallies';
const DOWN_WORDS =
  'fell fall falls falling fallen dropped drop drops dropping declined decline declines declining down tanked tank tanks tanking slid slide slides sliding slipped slip slips slipping sank sink sinks sinking sunk plunged plunge plunges plunging tumbled tumble tumbles tumbling decreased decrease decreases decreasing shrank shrink shrinks shrinking shrunk lost lose loses losing slumped slump slumps dipped dip dips';

const DIRECTION_WORDS: ReadonlyMap<string, ChangeDirection> = new Map([
  ...UP_WORDS.split(' ').map((w) => [w, 'UP'] as const),
  ...DOWN_WORDS.split(' ').map((w) => [w, 'DOWN'] as const),
]);

const BASIS_PHRASES: readonly (readonly [string, ChangeBasis])[] = [
  ['year over year', 'YEAR_OVER_YEAR'],
  ['year on year', 'YEAR_OVER_YEAR'],
  ['from a year earlier', 'YEAR_OVER_YEAR'],
  ['from a year ago', 'YEAR_OVER_YEAR'],
  ['from last year', 'YEAR_OVER_YEAR'],
  ['quarter over quarter', 'QUARTER_OVER_QUARTER'],
  ['quarter on quarter', 'QUARTER_OVER_QUARTER'],
  ['from the previous quarter', 'QUARTER_OVER_QUARTER'],
  ['from a quarter earlier', 'QUARTER_OVER_QUARTER'],
  ['month over month', 'MONTH_OVER_MONTH'],
  ['month on month', 'MONTH_OVER_MONTH'],
  ['from the previous month', 'MONTH_OVER_MONTH'],
  ['from a month earlier', 'MONTH_OVER_MONTH'],
];

/** Words that end the noun of a count ("120 researchers in Lisbon" counts "researchers"). */
const NOT_COUNTED = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'to',
  'from',
  'by',
  'of',
  'in',
  'on',
  'at',
  'per',
  'for',
  'than',
  'between',
  'this',
  'that',
  'last',
  'next',
  'each',
  'every',
  'percentage',
  // A verb or a clause after the noun is what the sentence says of the count, not what is counted ("3 people were hired").
  ...['is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'can', 'could', 'may', 'might'],
  ...['shall', 'should', 'must', 'who', 'whom', 'whose', 'which', 'what', 'where', 'when', 'while', 'as', 'with', 'without', 'said', 'say', 'says'],
  ...DURATION_WORDS.keys(),
  ...SCALE_WORDS.keys(),
]);

/** Most words of what a count counts: "1 billion people", "twenty new homes"; a longer noun phrase is the sentence's, not the figure's. */
const MAX_COUNTED_WORDS = 2;

/** A number as read: its digits and where the decimal point goes, so that scaling it is exact. */
interface ReadNumber {
  readonly digits: string;
  /** Power of ten of the decimals (-2 for 48.39). */
  readonly exponent: number;
  /** Power of ten of the scale written with it (9 for billion, bn), 0 for none. */
  readonly scale: number;
}

/** One side of a range, or a quantity on its own, before ranges are put together. */
interface Quantity {
  readonly number: ReadNumber;
  readonly units: readonly string[] | null;
  readonly counted: string | null;
  /** True when the unit is written after the number ("5 million dollars", "21%"). */
  readonly unitAfter: boolean;
}

function valueOf(number: ReadNumber): number {
  // Through a decimal string, so that 48.39 billion is 48390000000 exactly.
  return Number(`${number.digits}e${number.exponent + number.scale}`);
}

class PhraseParser {
  /** The furthest the parser got, and what it expected there, for the reason of a failure. */
  private furthest = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  private word(at: number): string | undefined {
    const token = this.tokens[at];
    return token?.kind === 'word' ? token.text.toLowerCase() : undefined;
  }

  /** Matches words (a dash allowed between them: "year-over-year", "21-per cent"); the position after them, or -1. */
  private words(at: number, phrase: string): number {
    let pos = at;
    for (const [i, expected] of phrase.split(' ').entries()) {
      if (i > 0 && this.tokens[pos]?.kind === 'dash') pos++;
      if (this.word(pos) !== expected) return -1;
      pos++;
    }
    return pos;
  }

  /** The longest of `phrases` at `at`. */
  private longest<T>(at: number, phrases: readonly (readonly [string, T])[]): { value: T; end: number } | undefined {
    let best: { value: T; end: number } | undefined;
    for (const [phrase, value] of phrases) {
      const end = this.words(at, phrase);
      if (end > 0 && (!best || end > best.end)) best = { value, end };
    }
    return best;
  }

  private reach(pos: number): void {
    this.furthest = Math.max(this.furthest, pos);
  }

  private number(at: number): { number: ReadNumber; end: number } | undefined {
    const token = this.tokens[at];
    let digits: string;
    let exponent = 0;
    let pos = at + 1;
    if (token?.kind === 'number') {
      const [whole, fraction = ''] = token.text.replace(/,/g, '').split('.');
      digits = whole + fraction;
      exponent = -fraction.length;
    } else if (token?.kind === 'word' && NUMBER_WORDS.has(token.text.toLowerCase())) {
      // "twenty-one", "two-thirds": a compound the reader does not read, not a range of two numbers.
      const dash = this.tokens[pos];
      if (dash?.kind === 'dash' && dash.joined && this.tokens[pos + 1]?.kind === 'word' && this.tokens[pos + 1].joined) return undefined;
      digits = String(NUMBER_WORDS.get(token.text.toLowerCase()));
    } else if ((this.word(at) === 'a' || this.word(at) === 'an') && SCALE_WORDS.has(this.word(at + 1) ?? '')) {
      digits = '1';
    } else {
      return undefined;
    }
    let scale = 0;
    const next = this.tokens[pos];
    if (token.kind === 'number' && next?.kind === 'word' && next.joined && SCALE_ABBREVIATIONS.has(next.text.toLowerCase())) {
      scale += SCALE_ABBREVIATIONS.get(next.text.toLowerCase())!;
      pos++;
    }
    while (SCALE_WORDS.has(this.word(pos) ?? '')) {
      scale += SCALE_WORDS.get(this.word(pos)!)!;
      pos++;
    }
    return { number: { digits, exponent, scale }, end: pos };
  }

  /** A unit written after a number: "%", "percent", "per cent", "dollars", "USD", "months", or the noun of a count. */
  private unitAfter(at: number): { units: readonly string[]; counted: string | null; end: number } | undefined {
    const token = this.tokens[at];
    if (token?.kind === 'percent') return { units: [PERCENT], counted: null, end: at + 1 };
    const from = token?.kind === 'dash' && this.tokens[at + 1]?.kind === 'word' ? at + 1 : at;
    for (const phrase of ['percent', 'per cent', 'pct']) {
      const end = this.words(from, phrase);
      if (end > 0) return { units: [PERCENT], counted: null, end };
    }
    if (from !== at) return undefined;
    const word = this.word(at);
    if (word === undefined) return undefined;
    if (CURRENCY_WORDS.has(word)) return { units: [CURRENCY_WORDS.get(word)!], counted: null, end: at + 1 };
    if (/^[A-Z]{3}$/.test(token.text) && isCurrencyCode(token.text)) return { units: [token.text], counted: null, end: at + 1 };
    if (DURATION_WORDS.has(word)) return { units: [DURATION_WORDS.get(word)!], counted: null, end: at + 1 };
    // The noun of a count: one or two lower-case words ("people", "new homes"), written apart from the number ("3pm" is no count), up to a word that begins something else.
    if (token.joined) return undefined;
    let end = at;
    while (end - at < MAX_COUNTED_WORDS && this.tokens[end]?.kind === 'word' && /^\p{Ll}/u.test(this.tokens[end].text) && !this.startsSomethingElse(end)) end++;
    if (end === at) return undefined;
    return {
      units: [COUNT],
      counted: this.tokens
        .slice(at, end)
        .map((t) => t.text)
        .join(' '),
      end,
    };
  }

  private startsSomethingElse(at: number): boolean {
    const word = this.word(at)!;
    return NOT_COUNTED.has(word) || DIRECTION_WORDS.has(word) || CURRENCY_WORDS.has(word) || this.longest(at, BASIS_PHRASES) !== undefined;
  }

  private quantity(at: number): { quantity: Quantity; end: number } | undefined {
    let pos = at;
    let units: readonly string[] | null = null;
    const token = this.tokens[pos];
    if (token?.kind === 'currency') {
      units = CURRENCY_SYMBOLS.get(token.text)!;
      pos++;
    } else if (token?.kind === 'word' && /^[A-Z]{3}$/.test(token.text) && isCurrencyCode(token.text)) {
      units = [token.text];
      pos++;
    }
    const read = this.number(pos);
    if (!read) {
      this.reach(pos);
      return undefined;
    }
    pos = read.end;
    this.reach(pos);
    let counted: string | null = null;
    let unitAfter = false;
    if (units === null) {
      const after = this.unitAfter(pos);
      if (after) {
        ({ units, counted } = after);
        unitAfter = true;
        pos = after.end;
      }
    }
    this.reach(pos);
    return { quantity: { number: read.number, units, counted, unitAfter }, end: pos };
  }

  /** A quantity with an optional qualifier, or (where a range may stand) a range. */
  private amount(at: number, rangeAllowed: boolean): { amount: ReadAmount; end: number } | { reason: string } | undefined {
    const qualified = this.longest(at, QUALIFIER_PHRASES);
    let pos = qualified?.end ?? at;
    let low: Quantity;
    let high: Quantity | undefined;
    if (rangeAllowed && this.word(pos) === 'between') {
      const first = this.quantity(pos + 1);
      if (!first || this.word(first.end) !== 'and') return undefined;
      const second = this.quantity(first.end + 1);
      if (!second) return undefined;
      [low, high, pos] = [first.quantity, second.quantity, second.end];
    } else {
      const first = this.quantity(pos);
      if (!first) return undefined;
      low = first.quantity;
      pos = first.end;
      const joiner = this.tokens[pos];
      if (rangeAllowed && (joiner?.kind === 'dash' || this.word(pos) === 'to')) {
        const second = this.quantity(pos + 1);
        if (second) [high, pos] = [second.quantity, second.end];
      }
    }
    if (this.word(pos) === 'percentage')
      return { reason: `percentage points ("${this.span(at, pos + 2)}") are not a unit of the vocabulary: give the level they reach in percent instead` };
    if (!high) {
      if (low.units === null)
        return { reason: `the number "${this.span(at, pos)}" has no unit: its words must say one (a currency, %, a duration, or what is counted)` };
      const value = valueOf(low.number);
      return { amount: { value, minValue: null, maxValue: null, units: low.units, counted: low.counted, qualifier: qualified?.value ?? null }, end: pos };
    }
    // "$60 to $65 billion", "5-6 million people": a scale or unit written once serves both ends, when the low end is the smaller
    // number as written ("$500,000 to $1 million" is written in full at its low end).
    const borrows = low.number.scale === 0 && !low.unitAfter && valueOf(low.number) < valueOf({ ...high.number, scale: 0 });
    const lowNumber = borrows ? { ...low.number, scale: high.number.scale } : low.number;
    const units = low.units ?? high.units;
    if (units === null)
      return { reason: `the range "${this.span(at, pos)}" has no unit: its words must say one (a currency, %, a duration, or what is counted)` };
    if (low.units && high.units && low.units.join() !== high.units.join())
      return { reason: `the two ends of "${this.span(at, pos)}" are in different units (${low.units.join(' or ')} and ${high.units.join(' or ')})` };
    if (low.counted !== null && high.counted !== null && low.counted !== high.counted)
      return { reason: `the two ends of "${this.span(at, pos)}" count different things ("${low.counted}" and "${high.counted}")` };
    return {
      amount: {
        value: null,
        minValue: valueOf(lowNumber),
        maxValue: valueOf(high.number),
        units,
        counted: low.counted ?? high.counted,
        qualifier: qualified?.value ?? null,
      },
      end: pos,
    };
  }

  private span(from: number, to: number): string {
    const tokens = this.tokens.slice(from, Math.max(from + 1, to));
    return tokens.map((t, i) => (i > 0 && !t.joined ? ' ' : '') + t.text).join('');
  }

  /** Reads the whole token list as one figure phrase. */
  read(): PhraseReading {
    const result = this.phrase(0);
    if ('reason' in result) return { ok: false, reason: result.reason };
    if (result.end < this.tokens.length) {
      const read = this.span(0, result.end);
      return { ok: false, reason: `the words after "${read}" ("${this.span(result.end, this.tokens.length)}") are not part of a figure` };
    }
    return { ok: true, reading: result.reading };
  }

  /** Reads a phrase from `at`, as far as it goes. */
  phrase(at: number): { reading: FigureReading; end: number } | { reason: string } {
    const direction = DIRECTION_WORDS.get(this.word(at) ?? '');
    // "up to $5 million" is a bound, not a change.
    if (direction && !(this.word(at) === 'up' && this.word(at + 1) === 'to')) {
      let pos = at + 1;
      if (this.word(pos) === 'by') pos++;
      const by = this.amount(pos, false);
      if (by && 'reason' in by) return by;
      if (by) pos = by.end;
      let basis = this.longest(pos, BASIS_PHRASES);
      if (basis) pos = basis.end;
      let level: ReadAmount | null = null;
      if (this.word(pos) === 'to') {
        const reached = this.amount(pos + 1, false);
        if (reached && 'reason' in reached) return reached;
        if (reached) {
          level = reached.amount;
          pos = reached.end;
          if (!basis) {
            basis = this.longest(pos, BASIS_PHRASES);
            if (basis) pos = basis.end;
          }
        }
      }
      if (!by && !level) return { reason: this.noNumber(at) };
      return { reading: { level, change: { direction, amount: by?.amount ?? null, basis: basis?.value ?? null } }, end: pos };
    }
    const amount = this.amount(at, true);
    if (!amount) return { reason: this.noNumber(at) };
    if ('reason' in amount) return amount;
    return { reading: { level: amount.amount, change: null }, end: amount.end };
  }

  private noNumber(at: number): string {
    const where = this.furthest < this.tokens.length ? `at "${this.span(this.furthest, this.furthest + 1)}"` : 'at their end';
    return this.tokens.length === at ? 'there are no words' : `no number where one is expected, ${where}`;
  }
}

/**
 * Reads a figure's words, the whole of them, as one figure phrase: what they
 * say, or the reason they cannot be read ("the words after ... are not part
 * of a figure").
 */
export function readFigurePhrase(words: string): PhraseReading {
  return new PhraseParser(tokenize(words)).read();
}

/** Most tokens a figure phrase spans ("rose nearly 21 per cent year over year to as much as $48.39 billion" is 15). */
const LONGEST_PHRASE = 20;

/**
 * Finds the figure phrases of a text, in order, each the longest that reads
 * from where it starts, with its offsets: for drafting figures from raw text.
 */
export function findFigurePhrases(text: string): FoundFigure[] {
  const tokens = tokenize(text);
  const found: FoundFigure[] = [];
  for (let i = 0; i < tokens.length;) {
    let next = i + 1;
    for (let end = Math.min(tokens.length, i + LONGEST_PHRASE); end > i; end--) {
      const result = new PhraseParser(tokens.slice(i, end)).read();
      if (result.ok) {
        const start = tokens[i].start;
        const stop = tokens[end - 1].end;
        found.push({ start, end: stop, text: text.slice(start, stop), reading: result.reading });
        next = end;
        break;
      }
    }
    i = next;
  }
  return found;
}

/** Says a number in full units, without exponent notation. */
export function formatNumber(value: number): string {
  // Integers in digits (48390000000, not 4.839e10); fractions as JavaScript writes them (0.5).
  return Number.isInteger(value) ? value.toLocaleString('en-US', { useGrouping: false }) : String(value);
}

const QUALIFIER_WORDS: Readonly<Record<FigureQualifier, string>> = {
  LESS_THAN: 'less than',
  MORE_THAN: 'more than',
  ABOUT: 'about',
  NEARLY: 'nearly',
  UP_TO: 'up to',
  AT_LEAST: 'at least',
};

const BASIS_WORDS: Readonly<Record<ChangeBasis, string>> = {
  YEAR_OVER_YEAR: 'year over year',
  QUARTER_OVER_QUARTER: 'quarter over quarter',
  MONTH_OVER_MONTH: 'month over month',
};

/** Says an amount plainly: "less than 6000000 USD", "60000000000 to 65000000000 USD", "1000000000 people (count)". */
export function describeAmount(amount: ReadAmount): string {
  const number = amount.value !== null ? formatNumber(amount.value) : `${formatNumber(amount.minValue!)} to ${formatNumber(amount.maxValue!)}`;
  const unit = amount.counted !== null ? `${amount.counted} (count)` : amount.units.join(' or ');
  return `${amount.qualifier ? `${QUALIFIER_WORDS[amount.qualifier]} ` : ''}${number} ${unit}`;
}

/** Says a reading plainly: "up 21 percent year over year to 48390000000 USD". */
export function describeReading(reading: FigureReading): string {
  if (!reading.change) return describeAmount(reading.level!);
  const { direction, amount, basis } = reading.change;
  return [direction === 'UP' ? 'up' : 'down', amount ? describeAmount(amount) : null, basis ? BASIS_WORDS[basis] : null]
    .filter((part) => part !== null)
    .join(' ')
    .concat(reading.level ? `${amount ? '' : ','} to ${describeAmount(reading.level)}` : '');
}

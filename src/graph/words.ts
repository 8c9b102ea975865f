/** A letter, digit or underscore: what words are made of, for mentions and selectors alike. */
export const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** True when the character at `offset` exists and is a word character. */
export function isWordChar(text: string, offset: number): boolean {
  return offset >= 0 && offset < text.length && WORD_CHAR.test(text[offset]);
}

/** True when `offset` falls between two word characters: a span starting or ending there cuts a word. */
export function cutsWord(text: string, offset: number): boolean {
  return isWordChar(text, offset - 1) && isWordChar(text, offset);
}

const STRAIGHT = '"';
const OPENING = '“';
const CLOSING = '”';

/**
 * True when `start`..`end` lies inside one quotation in its paragraph: after
 * an opening quotation mark that is not yet closed, with no quotation mark
 * inside the span.
 */
export function isInsideQuotation(text: string, start: number, end: number): boolean {
  const paragraphStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(paragraphStart, start);
  const span = text.slice(start, end);
  if (span.includes(STRAIGHT) || span.includes(OPENING) || span.includes(CLOSING)) return false;
  const straight = before.split(STRAIGHT).length - 1;
  const open = before.lastIndexOf(OPENING) > before.lastIndexOf(CLOSING);
  return straight % 2 === 1 || open;
}

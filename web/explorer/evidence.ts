// Pure string work, no DOM: the unit tests (test/web/) run it in Node.
/** A paragraph of an article cut in three around the words a fact rests on. */
export interface EvidenceParts {
  /** The paragraph's text before the words. */
  readonly before: string;
  /** The words themselves: `text.slice(start, end)`. */
  readonly marked: string;
  /** The paragraph's text after the words. */
  readonly after: string;
}

/**
 * The paragraph (or paragraphs, when the words run across a line break) of
 * `text` that holds `start`..`end`, cut around those words. Offsets are
 * UTF-16 code units, end exclusive, as the API's `SourceSpan` gives them,
 * which is how JavaScript indexes strings, so `slice` cuts exactly there.
 */
export function evidenceParts(text: string, start: number, end: number): EvidenceParts {
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length)) {
    throw new RangeError(`span ${start}..${end} is not inside a text of ${text.length} code units`);
  }
  const paragraphStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineBreak = text.indexOf('\n', end);
  const paragraphEnd = lineBreak === -1 ? text.length : lineBreak;
  return { before: text.slice(paragraphStart, start), marked: text.slice(start, end), after: text.slice(end, paragraphEnd) };
}

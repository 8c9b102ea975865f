/** A found occurrence of a name in a text. */
export interface NameOccurrence {
  readonly start: number;
  readonly end: number;
}

import { isWordChar } from './words';

/**
 * Finds every whole-word, case-sensitive occurrence of any of `names` in
 * `text`. Where occurrences overlap ("Mark Zuckerberg" and "Zuckerberg"),
 * the longer one is kept. Results are in text order.
 */
export function findMentions(text: string, names: readonly string[]): NameOccurrence[] {
  const hits: NameOccurrence[] = [];
  for (const name of names) {
    // indexOf and two character checks: a regular expression per name costs far more to build than to run.
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
      const end = at + name.length;
      const boundedBefore = !isWordChar(name, 0) || !isWordChar(text, at - 1);
      const boundedAfter = !isWordChar(name, name.length - 1) || !isWordChar(text, end);
      if (boundedBefore && boundedAfter) hits.push({ start: at, end });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: NameOccurrence[] = [];
  for (const hit of hits) {
    const last = kept[kept.length - 1];
    if (last && hit.start < last.end) continue;
    kept.push(hit);
  }
  return kept;
}

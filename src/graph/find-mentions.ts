/** A found occurrence of a name in a text. */
export interface NameOccurrence {
  readonly start: number;
  readonly end: number;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Finds every whole-word, case-sensitive occurrence of any of `names` in
 * `text`. Where occurrences overlap ("Mark Zuckerberg" and "Zuckerberg"),
 * the longer one is kept. Results are in text order.
 */
export function findMentions(text: string, names: readonly string[]): NameOccurrence[] {
  const hits: NameOccurrence[] = [];
  for (const name of names) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(name)}(?![\\p{L}\\p{N}_])`, 'gu');
    for (const m of text.matchAll(pattern)) hits.push({ start: m.index!, end: m.index! + name.length });
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

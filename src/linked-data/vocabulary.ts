/** newsgraph's own vocabulary, beside the IRI base: `http://localhost:4000/id/` has `http://localhost:4000/vocab#`. */
export function vocabularyOf(iriBase: string): string {
  return new URL('../vocab#', iriBase).href;
}

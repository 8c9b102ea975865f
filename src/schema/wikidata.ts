/** The form of Wikidata's entity IRIs, the concept IRIs Wikidata itself gives (https://www.wikidata.org/wiki/Wikidata:Identifiers). */
const WIKIDATA_ENTITY_IRI = /^http:\/\/www\.wikidata\.org\/entity\/(Q[1-9][0-9]*)$/;

/** The Wikidata item id (`Q36215`) of the first Wikidata entity IRI among `sameAs`, or null. */
export function wikidataIdOf(sameAs: readonly string[]): string | null {
  for (const iri of sameAs) {
    const match = WIKIDATA_ENTITY_IRI.exec(iri);
    if (match) return match[1];
  }
  return null;
}

/** The Wikidata entity IRI of an item id, or null when `id` is not one (`Q` and a number). */
export function wikidataIriOf(id: string): string | null {
  const iri = `http://www.wikidata.org/entity/${id}`;
  return WIKIDATA_ENTITY_IRI.test(iri) ? iri : null;
}

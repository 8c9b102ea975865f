import { registerEnumType } from 'type-graphql';
import { PREDICATES } from '../graph';

/** The kinds of edge (GraphQL enum `Predicate`), from the graph's vocabulary. */
export const Predicate = Object.fromEntries(PREDICATES.map((p) => [p.name, p.name])) as Record<string, string>;

registerEnumType(Predicate, {
  name: 'Predicate',
  description:
    'The kind of an edge (a `Relation`). Stated predicates are written in the article data, each resting on words of the text; ' +
    'the others are derived from quotes, claims, figures and mentions.',
  valuesConfig: Object.fromEntries(
    PREDICATES.map((p) => [
      p.name,
      { description: `${p.description} (${p.from.join('|')} → ${p.to.join('|')}; ${p.stated ? 'stated in the article' : 'derived'})` },
    ]),
  ),
});

import type { DraftGraph, KnownEntity, KnownRole } from './draft-article';
import type { GraphStore } from './graph-store';
import { ENTITY_KINDS, type EntityKind, type EntityNode } from './model';

const TYPE_OF_KIND: Readonly<Record<EntityKind, KnownEntity['type']>> = {
  PERSON: 'Person',
  ORGANIZATION: 'Organization',
  PLACE: 'Place',
  EVENT: 'Event',
  TOPIC: 'Topic',
};

/** Entities read per store call. */
const PAGE = 1000;

/**
 * What drafting needs of a store's version: every entity's names and every
 * person's roles, read through the `GraphStore` interface (so both stores
 * give the same), a page at a time.
 */
export async function readDraftGraph(store: GraphStore): Promise<DraftGraph> {
  const entities: KnownEntity[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await store.listNodes({ kinds: ENTITY_KINDS, page: { first: PAGE, after } });
    for (const node of page.items as EntityNode[]) entities.push({ id: node.id, type: TYPE_OF_KIND[node.kind], name: node.name, aliases: node.aliases });
    if (!page.hasNextPage || page.items.length === 0) break;
    after = page.cursorAt(page.items.length - 1);
  }
  const people = entities.filter((e) => e.type === 'Person');
  const roles: KnownRole[] = [];
  for (let i = 0; i < people.length; i += PAGE) {
    const answers = await store.getRoles(people.slice(i, i + PAGE).map((p) => ({ nodeId: p.id, direction: 'OUT' as const })));
    for (const list of answers) for (const role of list) roles.push({ personId: role.personId, organizationId: role.organizationId, title: role.title });
  }
  return { entities, roles };
}

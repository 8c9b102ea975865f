import { Field, Int, ObjectType } from 'type-graphql';
import type { Page } from '../graph';
import { PageInfo } from './page-info.type';

/** The shape every connection field resolves to. */
export interface ConnectionValue<T> {
  readonly totalCount: number;
  readonly pageInfo: PageInfo;
  readonly edges: readonly { readonly cursor: string; readonly node: T }[];
  readonly nodes: readonly T[];
}

/** Turns a store page into a connection value. */
export function toConnection<T>(page: Page<T>): ConnectionValue<T> {
  const { items, cursors } = page;
  return {
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: cursors[0] ?? null,
      endCursor: cursors[cursors.length - 1] ?? null,
    },
    edges: items.map((node, i) => ({ cursor: cursors[i], node })),
    nodes: items,
  };
}

/**
 * Creates the `<Name>Connection` and `<Name>Edge` object types for a list of
 * items of one GraphQL type (Relay cursor connections).
 */
export function createConnectionType(name: string, itemType: () => Function, items: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `One of ${items} in a connection, with its cursor.` })
  class ConnectionEdge {
    @Field({ description: 'Opaque cursor of this item: pass it as `after` to get the items that follow it.' })
    cursor!: string;

    @Field(itemType, { description: 'The item.' })
    node!: unknown;
  }

  @ObjectType(`${name}Connection`, {
    simpleResolvers: true,
    description: `A page of ${items}. Page with \`first\` and \`after\`; the order is stable and given by the field that returns the connection.`,
  })
  class Connection {
    @Field(() => Int, { description: 'How many items the whole list holds, across all pages.' })
    totalCount!: number;

    @Field(() => PageInfo, { description: 'Where this page stands in the list.' })
    pageInfo!: PageInfo;

    @Field(() => [ConnectionEdge], { description: 'The items of this page, each with its cursor.' })
    edges!: ConnectionEdge[];

    @Field(() => [itemType()], { description: 'The items of this page (the same as `edges.node`).' })
    nodes!: unknown[];
  }
  return Connection;
}

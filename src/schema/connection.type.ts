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

/**
 * A store page as a connection, its cursors made only when asked for.
 * A class with getters, not a literal with accessors (bench/README.md, "What
 * makes the service fast").
 */
class PageConnection<T> implements ConnectionValue<T> {
  readonly totalCount: number;
  readonly nodes: readonly T[];

  constructor(private readonly page: Page<T>) {
    this.totalCount = page.totalCount;
    this.nodes = page.items;
  }

  get pageInfo(): PageInfo {
    return new PageCursors(this.page);
  }

  get edges(): readonly { readonly cursor: string; readonly node: T }[] {
    return this.page.items.map((node, i) => ({ cursor: this.page.cursorAt(i), node }));
  }
}

/** The page information of a store page; its cursors are made when asked. */
class PageCursors implements PageInfo {
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;

  constructor(private readonly page: Page<unknown>) {
    this.hasNextPage = page.hasNextPage;
    this.hasPreviousPage = page.hasPreviousPage;
  }

  get startCursor(): string | null {
    return this.page.items.length > 0 ? this.page.cursorAt(0) : null;
  }

  get endCursor(): string | null {
    return this.page.items.length > 0 ? this.page.cursorAt(this.page.items.length - 1) : null;
  }
}

/** Turns a store page into a connection value. */
export function toConnection<T>(page: Page<T>): ConnectionValue<T> {
  return new PageConnection(page);
}

/**
 * Creates the `<Name>Connection` and `<Name>Edge` object types for a list of
 * items of one GraphQL type (Relay cursor connections).
 */
export function createConnectionType(name: string, itemType: () => abstract new (...args: never[]) => unknown, items: string) {
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

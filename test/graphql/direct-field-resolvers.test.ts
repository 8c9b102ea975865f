import 'reflect-metadata';
import { execute, type GraphQLSchema, isObjectType, parse } from 'graphql';
import { Arg, buildSchema, Ctx, Field, FieldResolver, ID, Info, Int, ObjectType, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { resolvers } from '../../resolvers';
import { graphSchema, openLiveGraph } from '../../src/app';
import { buildTypeGraphQLSchema } from '../../src/schema/build-graph-schema';
import { useDirectFieldResolvers } from '../../src/schema/direct-field-resolvers';
import { CONTRACT_VARIABLES, contractOperations, createTestContext } from '../helpers/graph-test-server';
import { SEED_GRAPH_DIR } from '../helpers/seed-graph';

@ObjectType()
class Item {
  @Field(() => Int)
  n!: number;
}

/** What the resolvers get as the parent: a plain object (a class here would make TypeGraphQL copy it into an instance). */
interface ItemData {
  readonly n: number;
}

let middlewareCalls = 0;

@Resolver(() => Item)
class ItemResolver {
  private readonly factor = 2;

  @Query(() => [Item])
  items(): ItemData[] {
    return [{ n: 1 }, { n: 5 }];
  }

  @FieldResolver(() => Int)
  double(@Root() item: ItemData): number {
    return item.n * this.factor;
  }

  @FieldResolver(() => String)
  async tagged(@Root() item: ItemData, @Ctx() ctx: { tag: string }): Promise<string> {
    return `${ctx.tag}${item.n}`;
  }

  @FieldResolver(() => String)
  contextFirst(@Ctx() ctx: { tag: string }, @Root() item: ItemData): string {
    return `${item.n}${ctx.tag}`;
  }

  @FieldResolver(() => String)
  where(@Root() item: ItemData, @Info() info: { fieldName: string; path: { prev?: { key: unknown } } }): string {
    return `${info.fieldName}@${String(info.path.prev?.key)}:${item.n}`;
  }

  @FieldResolver(() => Int)
  plus(@Root() item: ItemData, @Arg('by', () => Int) by: number): number {
    return item.n + by;
  }

  @FieldResolver(() => ID)
  own(@Root('n') n: number): string {
    return `own-${n}`;
  }

  @FieldResolver(() => Boolean)
  copied(@Root() item: Item): boolean {
    // TypeGraphQL copies the parent into an instance of a parameter typed with a class.
    return item instanceof Item;
  }

  @FieldResolver(() => Int)
  @UseMiddleware(async (_data, next) => {
    middlewareCalls++;
    return next();
  })
  guarded(@Root() item: ItemData): number {
    return -item.n;
  }
}

const ITEM_QUERY = '{ items { n double tagged contextFirst where plus(by: 10) own copied guarded } }';

describe('useDirectFieldResolvers', () => {
  it('calls a field resolver method directly only where it takes nothing but the parent, the context or the info', async () => {
    const plain = await buildSchema({ resolvers: [ItemResolver], validate: false });
    const direct = await buildSchema({ resolvers: [ItemResolver], validate: false });
    const before = resolversOf(direct, 'Item');

    expect(useDirectFieldResolvers(direct, [ItemResolver]).sort()).toEqual(['Item.contextFirst', 'Item.double', 'Item.tagged', 'Item.where']);

    const after = resolversOf(direct, 'Item');
    expect(
      Object.keys(after)
        .filter((name) => after[name] !== before[name])
        .sort(),
    ).toEqual(['contextFirst', 'double', 'tagged', 'where']);

    middlewareCalls = 0;
    const run = async (schema: GraphQLSchema) => execute({ schema, document: parse(ITEM_QUERY), contextValue: { tag: 't' } });
    const expected = {
      data: {
        items: [
          { n: 1, double: 2, tagged: 't1', contextFirst: '1t', where: 'where@0:1', plus: 11, own: 'own-1', copied: true, guarded: -1 },
          { n: 5, double: 10, tagged: 't5', contextFirst: '5t', where: 'where@1:5', plus: 15, own: 'own-5', copied: true, guarded: -5 },
        ],
      },
    };
    expect(await run(direct)).toEqual(expected);
    expect(await run(plain)).toEqual(expected);
    // The middleware of the field left to TypeGraphQL still runs, for each item of each run.
    expect(middlewareCalls).toBe(4);
  });

  it('leaves alone the methods of resolver classes the schema was not built from', async () => {
    const schema = await buildSchema({ resolvers: [ItemResolver], validate: false });
    expect(useDirectFieldResolvers(schema, [])).toEqual([]);
  });

  it("answers every contract operation on the service's schema exactly as TypeGraphQL's own resolvers do", async () => {
    const schema = await graphSchema();
    const plain = await buildTypeGraphQLSchema(resolvers);
    // The fields changed take no arguments, and include the ones every list item asks for.
    const again = await buildTypeGraphQLSchema(resolvers);
    const changed = useDirectFieldResolvers(again, resolvers);
    expect(changed).toEqual(
      expect.arrayContaining(['Relation.from', 'Relation.to', 'SourceSpan.text', 'SourceSpan.article', 'Mention.entity', 'Person.label', 'Quote.speaker']),
    );
    for (const name of changed) {
      const [type, field] = name.split('.');
      const found = again.getType(type);
      expect(isObjectType(found) && found.getFields()[field].args).toEqual([]);
    }

    const graph = await openLiveGraph({ graphDataDir: SEED_GRAPH_DIR });
    let compared = 0;
    for (const [name, query] of contractOperations()) {
      const run = async (s: GraphQLSchema) => {
        const store = graph.current;
        return execute({ schema: s, document: parse(query), variableValues: CONTRACT_VARIABLES[name], contextValue: createTestContext(store) });
      };
      const [fast, reference] = [await run(schema), await run(plain)];
      expect(fast.errors).toBeUndefined();
      expect([name, fast]).toEqual([name, reference]);
      compared++;
    }
    expect(compared).toBe(14);
  });
});

function resolversOf(schema: GraphQLSchema, typeName: string): Record<string, unknown> {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
  return Object.fromEntries(Object.entries(type.getFields()).map(([name, field]) => [name, field.resolve]));
}

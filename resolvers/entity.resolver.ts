import { Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ENTITY_KINDS, type EntityNode, type GraphNode, type Hop, type Mention, type NodeKind } from '../src/graph';
import { GraphQLError } from 'graphql';
import { ClaimRole } from '../src/schema/claim-role.enum';
import { type ConnectionValue, toConnection } from '../src/schema/connection.type';
import {
  ArticleConnection,
  ClaimConnection,
  EntityConnection,
  EventConnection,
  FigureConnection,
  MentionConnection,
  OrganizationConnection,
  PersonConnection,
  PlaceConnection,
  QuoteConnection,
  RelationConnection,
  TopicConnection,
} from '../src/schema/connections.type';
import type { GraphContext } from '../src/schema/context';
import { Entity } from '../src/schema/entity.interface';
import { EntityFilter } from '../src/schema/filters.input';
import { NodeKind as NodeKindEnum } from '../src/schema/node-kind.enum';
import { PageArgs, toPageRequest } from '../src/schema/page.args';
import { Predicate } from '../src/schema/predicate.enum';
import { wikidataIdOf } from '../src/schema/wikidata';
import { givenFields, into, out, relatedConnection } from './related';

/** Arguments of `Entity.claims`. */
@ArgsType()
export class EntityClaimsArgs extends PageArgs {
  @Field(() => ClaimRole, {
    defaultValue: ClaimRole.ANY,
    description: 'Claims the entity makes (CLAIMANT), claims about it (SUBJECT), or both (ANY, the default).',
  })
  role!: ClaimRole;
}

/** Arguments of `Entity.relations`. */
@ArgsType()
export class EntityRelationsArgs extends PageArgs {
  @Field(() => [Predicate], { nullable: true, description: 'Only edges with these predicates (default: all).' })
  predicates?: string[];
}

/** Arguments of root entity listings. */
@ArgsType()
export class EntitiesArgs extends PageArgs {
  @Field(() => EntityFilter, { nullable: true, description: 'Which entities to list (default: all).' })
  filter?: EntityFilter;
}

/** Arguments of `entities`, which may also choose kinds. */
@ArgsType()
export class AnyEntitiesArgs extends EntitiesArgs {
  @Field(() => [NodeKindEnum], { nullable: true, description: 'Only entities of these kinds (PERSON, ORGANIZATION, PLACE, EVENT, TOPIC); default all five.' })
  kinds?: NodeKindEnum[];
}

const CLAIM_HOPS: Record<ClaimRole, readonly Hop[]> = {
  CLAIMANT: [out('CLAIMS')],
  SUBJECT: [into('ABOUT')],
  ANY: [out('CLAIMS'), into('ABOUT')],
};

/** The fields every entity has, and the root listings of entities. */
@Resolver(() => Entity)
export class EntityResolver {
  @Query(() => EntityConnection, { description: 'Entities of every kind (or of `kinds`), ordered by name (case-insensitive), then id.' })
  async entities(@Args() args: AnyEntitiesArgs, @Ctx() ctx: GraphContext): Promise<ConnectionValue<GraphNode>> {
    const asked = args.kinds ?? [];
    const notEntities = asked.filter((k) => !(ENTITY_KINDS as readonly string[]).includes(k));
    if (notEntities.length > 0) {
      throw new GraphQLError(`"kinds" may only name entity kinds (${ENTITY_KINDS.join(', ')}); got ${notEntities.join(', ')}`, {
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'kinds' },
      });
    }
    return listEntities(ctx, asked.length > 0 ? ENTITY_KINDS.filter((k) => asked.includes(k as NodeKindEnum)) : ENTITY_KINDS, args);
  }

  @Query(() => PersonConnection, { description: 'People, ordered by name (case-insensitive), then id.' })
  async people(@Args() args: EntitiesArgs, @Ctx() ctx: GraphContext): Promise<ConnectionValue<GraphNode>> {
    return listEntities(ctx, ['PERSON'], args);
  }

  @Query(() => OrganizationConnection, { description: 'Organizations, ordered by name (case-insensitive), then id.' })
  async organizations(@Args() args: EntitiesArgs, @Ctx() ctx: GraphContext): Promise<ConnectionValue<GraphNode>> {
    return listEntities(ctx, ['ORGANIZATION'], args);
  }

  @Query(() => PlaceConnection, { description: 'Places, ordered by name (case-insensitive), then id.' })
  async places(@Args() args: EntitiesArgs, @Ctx() ctx: GraphContext): Promise<ConnectionValue<GraphNode>> {
    return listEntities(ctx, ['PLACE'], args);
  }

  @Query(() => EventConnection, { description: 'Events, ordered by name (case-insensitive), then id.' })
  async events(@Args() args: EntitiesArgs, @Ctx() ctx: GraphContext): Promise<ConnectionValue<GraphNode>> {
    return listEntities(ctx, ['EVENT'], args);
  }

  @Query(() => TopicConnection, { description: 'Topics, ordered by name (case-insensitive), then id.' })
  async topics(@Args() args: EntitiesArgs, @Ctx() ctx: GraphContext): Promise<ConnectionValue<GraphNode>> {
    return listEntities(ctx, ['TOPIC'], args);
  }

  @FieldResolver(() => MentionConnection, { description: 'Where the articles name the entity, by article (in article order), then position in the text.' })
  async mentions(@Root() entity: EntityNode, @Args() args: PageArgs, @Ctx() ctx: GraphContext): Promise<ConnectionValue<Mention>> {
    return toConnection(await ctx.loaders.mentions.load({ entityId: entity.id, page: toPageRequest(args) }));
  }

  @FieldResolver(() => QuoteConnection, {
    description:
      'Quotes the entity said, by article, then position in the text: every quote, so a remark two articles report is two (`distinctQuoteCount` counts it once).',
  })
  async quotes(@Root() entity: EntityNode, @Args() args: PageArgs, @Ctx() ctx: GraphContext): Promise<ConnectionValue<GraphNode>> {
    return relatedConnection(ctx, entity.id, [out('SAID')], ['QUOTE'], args);
  }

  @FieldResolver(() => ClaimConnection, { description: 'Claims the entity makes or that are about it (see `role`), by article, then position in the text.' })
  async claims(@Root() entity: EntityNode, @Args() args: EntityClaimsArgs, @Ctx() ctx: GraphContext): Promise<ConnectionValue<GraphNode>> {
    return relatedConnection(ctx, entity.id, CLAIM_HOPS[args.role], ['CLAIM'], args);
  }

  @FieldResolver(() => FigureConnection, {
    description:
      'Figures about the entity (it is their subject), by article, then position in the text: every figure, so a fact two articles report is two (`distinctFigureCount` counts it once).',
  })
  async figures(@Root() entity: EntityNode, @Args() args: PageArgs, @Ctx() ctx: GraphContext): Promise<ConnectionValue<GraphNode>> {
    return relatedConnection(ctx, entity.id, [into('MEASURES')], ['FIGURE'], args);
  }

  @FieldResolver(() => RelationConnection, {
    description:
      'Every edge at the entity, in either direction (roles, stated relations, quotes said, claims made and about it, mentions), in edge order: by article, then position in the text.',
  })
  async relations(@Root() entity: EntityNode, @Args() args: EntityRelationsArgs, @Ctx() ctx: GraphContext): Promise<ConnectionValue<unknown>> {
    return toConnection(
      await ctx.loaders.edges.load({ nodeId: entity.id, direction: 'BOTH', predicates: args.predicates ?? undefined, page: toPageRequest(args) }),
    );
  }

  @FieldResolver(() => String, { nullable: true })
  wikidataId(@Root() entity: EntityNode): string | null {
    return wikidataIdOf(entity.sameAs);
  }

  @FieldResolver(() => ArticleConnection, { description: 'Articles that mention the entity, in article order (by id).' })
  async articles(@Root() entity: EntityNode, @Args() args: PageArgs, @Ctx() ctx: GraphContext): Promise<ConnectionValue<GraphNode>> {
    return relatedConnection(ctx, entity.id, [into('MENTIONS')], ['ARTICLE'], args);
  }
}

async function listEntities(ctx: GraphContext, kinds: readonly NodeKind[], args: EntitiesArgs): Promise<ConnectionValue<GraphNode>> {
  const page = await ctx.store.listNodes({ kinds, filter: givenFields(args.filter), page: toPageRequest(args) });
  return toConnection(page);
}

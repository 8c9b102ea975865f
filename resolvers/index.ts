import { ArticleResolver } from './article.resolver';
import { ClaimResolver } from './claim.resolver';
import { EntityResolver } from './entity.resolver';
import { ExplorationResolver } from './exploration.resolver';
import { FigureResolver } from './figure.resolver';
import { NodeResolver } from './node.resolver';
import { QuoteResolver } from './quote.resolver';
import { RelationResolver } from './relation.resolver';
import { MentionResolver } from './mention.resolver';
import { OrganizationResolver } from './organization.resolver';
import { PersonResolver } from './person.resolver';
import { RoleResolver } from './role.resolver';
import { SourceSpanResolver } from './source-span.resolver';
import { SameFactEntityResolver, SameFactStatsResolver, SameFigureResolver, SameQuoteResolver } from './same-fact.resolver';
import { StatsResolver } from './stats.resolver';

/** Every resolver class of the schema. */
export const resolvers = [
  NodeResolver,
  EntityResolver,
  PersonResolver,
  OrganizationResolver,
  RoleResolver,
  ArticleResolver,
  QuoteResolver,
  ClaimResolver,
  FigureResolver,
  SourceSpanResolver,
  MentionResolver,
  RelationResolver,
  StatsResolver,
  SameFigureResolver,
  SameQuoteResolver,
  SameFactStatsResolver,
  SameFactEntityResolver,
  ExplorationResolver,
] as const;

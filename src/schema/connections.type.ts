import { Article } from './article.type';
import { Claim } from './claim.type';
import { createConnectionType } from './connection.type';
import { Entity } from './entity.interface';
import { Event } from './event.type';
import { Figure } from './figure.type';
import { Mention } from './mention.type';
import { Organization } from './organization.type';
import { Person } from './person.type';
import { Place } from './place.type';
import { Quote } from './quote.type';
import { Relation } from './relation.type';
import { Topic } from './topic.type';

/** A page of articles. */
export const ArticleConnection = createConnectionType('Article', () => Article, 'articles');
/** A page of entities of any kind. */
export const EntityConnection = createConnectionType('Entity', () => Entity, 'entities');
/** A page of people. */
export const PersonConnection = createConnectionType('Person', () => Person, 'people');
/** A page of organizations. */
export const OrganizationConnection = createConnectionType('Organization', () => Organization, 'organizations');
/** A page of quotes. */
export const QuoteConnection = createConnectionType('Quote', () => Quote, 'quotes');
/** A page of claims. */
export const ClaimConnection = createConnectionType('Claim', () => Claim, 'claims');
/** A page of figures. */
export const FigureConnection = createConnectionType('Figure', () => Figure, 'figures');
/** A page of mentions. */
export const MentionConnection = createConnectionType('Mention', () => Mention, 'mentions');
/** A page of relations (edges). */
export const RelationConnection = createConnectionType('Relation', () => Relation, 'relations');
/** A page of places. */
export const PlaceConnection = createConnectionType('Place', () => Place, 'places');
/** A page of events. */
export const EventConnection = createConnectionType('Event', () => Event, 'events');
/** A page of topics. */
export const TopicConnection = createConnectionType('Topic', () => Topic, 'topics');

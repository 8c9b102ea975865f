import { type FragmentDefinitionNode, Kind, type ValidationRule } from 'graphql';
import type { QueryLimits } from '../config';
import { measureOperation } from './measure-operation';
import { QueryLimitError } from './query-limit-error';

/** Limits checked by `queryLimitRule` while a document is validated. */
export type QueryLimitRuleOptions = Pick<QueryLimits, 'maxDepth' | 'maxAliases' | 'maxDirectives'>;

/**
 * A validation rule refusing operations that nest too deep or use too many
 * aliases or directives. It runs with graphql's own rules, before execution,
 * and once per distinct document (Apollo caches validated documents).
 */
export function queryLimitRule(options: QueryLimitRuleOptions = {}): ValidationRule {
  const maxDepth = options.maxDepth ?? 10;
  const maxAliases = options.maxAliases ?? 15;
  const maxDirectives = options.maxDirectives ?? 50;
  return (context) => ({
    Document(document) {
      const fragments = new Map<string, FragmentDefinitionNode>();
      for (const definition of document.definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
      }
      for (const operation of document.definitions) {
        if (operation.kind !== Kind.OPERATION_DEFINITION) continue;
        const { depth, aliases, directives } = measureOperation(operation, fragments);
        const name = operation.name ? `Operation "${operation.name.value}"` : 'The operation';
        if (depth > maxDepth) {
          context.reportError(
            new QueryLimitError('QUERY_TOO_DEEP', `${name} nests fields ${depth} deep; the limit is ${maxDepth}. Query fewer levels at once and fetch deeper nodes with a second query by id.`, { limit: maxDepth, actual: depth }, [operation]),
          );
        }
        if (aliases > maxAliases) {
          context.reportError(
            new QueryLimitError('TOO_MANY_ALIASES', `${name} uses ${aliases} aliases; the limit is ${maxAliases}. Use list fields (such as nodes(ids:)) or several requests instead.`, { limit: maxAliases, actual: aliases }, [operation]),
          );
        }
        if (directives > maxDirectives) {
          context.reportError(
            new QueryLimitError('TOO_MANY_DIRECTIVES', `${name} uses ${directives} directives; the limit is ${maxDirectives}. Remove repeated @include/@skip directives.`, { limit: maxDirectives, actual: directives }, [operation]),
          );
        }
      }
      return false;
    },
  });
}

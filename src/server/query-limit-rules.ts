import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError, OperationDefinitionNode, ValidationContext, ValidationRule } from 'graphql';
import type { QueryLimits } from '../config';
import { type QueryLimitCode, QueryLimitError } from './query-limit-error';

/** Limits checked by `queryLimitRules` while a document is validated. */
export type QueryLimitRulesOptions = Pick<QueryLimits, 'maxDepth' | 'maxAliases' | 'maxDirectives'>;

/** The size armor found, at the end of its rejection message ("..., found 11."). */
const FOUND = /found (\d+)\.$/;

/**
 * Validation rules refusing operations that nest too deep or use too many
 * aliases or directives, counted by graphql-armor
 * (https://escape.tech/graphql-armor/docs/plugins/max-depth): depth with
 * fragments flattened and `__schema` exempt, aliases with `__typename`
 * exempt, each fragment counted at each spread. Each refusal is reported as
 * a QueryLimitError (400, its own code, the limit and the size found). They
 * run with graphql's own rules, before execution, and once per distinct
 * document (Apollo caches validated documents).
 */
export function queryLimitRules(options: QueryLimitRulesOptions = {}): ValidationRule[] {
  const maxDepth = options.maxDepth ?? 10;
  const maxAliases = options.maxAliases ?? 15;
  const maxDirectives = options.maxDirectives ?? 50;

  // armor tells its onReject callbacks the validation, not the operation, so this rule (run first) notes which operation is being checked.
  const operations = new WeakMap<ValidationContext, OperationDefinitionNode>();
  const noteOperation: ValidationRule = (context) => ({
    OperationDefinition(operation) {
      operations.set(context, operation);
    },
  });

  const refuse =
    (code: QueryLimitCode, limit: number, describe: (operation: string, size: string) => string) =>
    (context: ValidationContext | null, error: GraphQLError): void => {
      if (!context) return;
      const operation = operations.get(context);
      const found = FOUND.exec(error.message);
      const actual = found ? Number(found[1]) : undefined;
      const name = operation?.name ? `Operation "${operation.name.value}"` : 'The operation';
      const message = describe(name, actual === undefined ? `more than ${limit}` : String(actual));
      context.reportError(new QueryLimitError(code, message, actual === undefined ? { limit } : { limit, actual }, operation && [operation]));
    };

  const { validationRules } = new ApolloArmor({
    maxDepth: {
      n: maxDepth,
      flattenFragments: true,
      ignoreIntrospection: true,
      propagateOnRejection: false,
      onReject: [
        refuse(
          'QUERY_TOO_DEEP',
          maxDepth,
          (name, depth) =>
            `${name} nests fields ${depth} deep; the limit is ${maxDepth}. Query fewer levels at once and fetch deeper nodes with a second query by id.`,
        ),
      ],
    },
    maxAliases: {
      n: maxAliases,
      allowList: ['__typename'],
      propagateOnRejection: false,
      onReject: [
        refuse(
          'TOO_MANY_ALIASES',
          maxAliases,
          (name, aliases) => `${name} uses ${aliases} aliases; the limit is ${maxAliases}. Use list fields (such as nodes(ids:)) or several requests instead.`,
        ),
      ],
    },
    maxDirectives: {
      n: maxDirectives,
      propagateOnRejection: false,
      onReject: [
        refuse(
          'TOO_MANY_DIRECTIVES',
          maxDirectives,
          (name, directives) => `${name} uses ${directives} directives; the limit is ${maxDirectives}. Remove repeated @include/@skip directives.`,
        ),
      ],
    },
    // Ours is NewsgraphQueryCostPlugin, which costs `first` and `limit` with the request's variables.
    costLimit: { enabled: false },
    // graphql's parser stops at parseOptions.maxLexicalTokens; armor's Apollo plugin parses each new document a second time and refuses with 500.
    maxTokens: { enabled: false },
    // formatError strips "Did you mean" in production; in development the suggestions help. Both are Apollo plugins run on every request.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return [noteOperation, ...validationRules];
}

import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * A validation rule refusing introspection (`__schema`, `__type`), once per
 * such field; `__typename` stays allowed, since clients need it.
 */
export const noIntrospectionRule: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === '__schema' || node.name.value === '__type') {
      context.reportError(new GraphQLError(`Introspection is disabled on this service; remove "${node.name.value}" from the query.`, { nodes: [node] }));
    }
  },
});

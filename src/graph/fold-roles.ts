import type { Role } from './graph-store';
import type { Edge, Span } from './model';

/** A role with the words stating it. */
export interface FoldedRole extends Role {
  readonly spans: Span[];
}

/** Folds `HAS_ROLE_AT` edges (in edge order) into roles: the same title at the same organization, stated twice, is one role with two spans. */
export function foldRoles(edges: readonly Edge[]): FoldedRole[] {
  const roles = new Map<string, { title: string; personId: string; organizationId: string; spans: Span[] }>();
  for (const edge of edges) {
    const key = `${edge.from}|${edge.to}|${edge.qualifier}`;
    let role = roles.get(key);
    if (!role) roles.set(key, (role = { title: edge.qualifier ?? '', personId: edge.from, organizationId: edge.to, spans: [] }));
    if (edge.span) role.spans.push(edge.span);
  }
  return [...roles.values()];
}

import type { TermDefinition } from './context';
import type { JsonLdNode } from './describe-nodes';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const XSD_INTEGER = 'http://www.w3.org/2001/XMLSchema#integer';
const XSD_DOUBLE = 'http://www.w3.org/2001/XMLSchema#double';
const XSD_BOOLEAN = 'http://www.w3.org/2001/XMLSchema#boolean';

/** A string as an N-Triples literal (https://www.w3.org/TR/n-triples/#grammar-production-STRING_LITERAL_QUOTE). */
function literal(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
}

/** An IRI as an N-Triples term; the characters N-Triples forbids in an IRI are escaped. */
function iriTerm(iri: string): string {
  // eslint-disable-next-line no-control-regex -- the control characters are what N-Triples forbids in an IRI.
  return `<${iri.replace(/[\x00-\x20<>"{}|^`\\]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}>`;
}

/** A JSON number as JSON-LD turns it into RDF (https://www.w3.org/TR/json-ld11-api/#data-round-tripping): an integer, or a double. */
function numberTerm(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return `"${value.toFixed(0)}"^^<${XSD_INTEGER}>`;
  return `"${value.toExponential(15).replace(/(\d)0*e\+?/, '$1E')}"^^<${XSD_DOUBLE}>`;
}

/**
 * The N-Triples lines of a JSON-LD node object written with newsgraph's
 * terms (`terms`): what a JSON-LD processor would make of it, without one.
 * Nested objects without `@id` become blank nodes named by `blank`.
 */
export function toNTriples(node: JsonLdNode, terms: Readonly<Record<string, TermDefinition>>, blank: () => string): string[] {
  const lines: string[] = [];
  const subjectOf = (object: JsonLdNode): string => (typeof object['@id'] === 'string' ? iriTerm(object['@id']) : `_:${blank()}`);
  const walk = (object: JsonLdNode, subject: string): void => {
    for (const [key, raw] of Object.entries(object)) {
      if (key === '@id' || key === '@context' || raw === undefined || raw === null) continue;
      const values = Array.isArray(raw) ? raw : [raw];
      if (key === '@type') {
        for (const type of values) lines.push(`${subject} <${RDF_TYPE}> ${iriTerm(terms[type as string].iri)} .`);
        continue;
      }
      const definition = terms[key];
      if (!definition) throw new Error(`no term "${key}" in the context`);
      for (const value of values) {
        let term: string;
        if (typeof value === 'object' && value !== null) {
          term = subjectOf(value as JsonLdNode);
          walk(value as JsonLdNode, term);
        } else if (typeof value === 'string') {
          term = definition.link ? iriTerm(value) : literal(value);
        } else if (typeof value === 'number') {
          term = numberTerm(value);
        } else {
          term = `"${String(value)}"^^<${XSD_BOOLEAN}>`;
        }
        lines.push(definition.reverse ? `${term} ${iriTerm(definition.iri)} ${subject} .` : `${subject} ${iriTerm(definition.iri)} ${term} .`);
      }
    }
  };
  walk(node, subjectOf(node));
  return lines;
}

import { join } from 'node:path';
import jsonldModule from 'jsonld';
import { BUNDLED_GRAPH_DATA_DIR } from '../../src/config';
import { FIGURE_FIXTURES } from '../fixtures/figure-fixtures';
import { fixtureFolders } from '../helpers/graph-fixture';
import { type HttpTestService, postGraphQL, send, startHttpService } from '../helpers/http-service';
import { CONFORMANCE_DATA_DIR } from '../store/graph-store-conformance';

/** jsonld.js 9 as used here (@types/jsonld describes an older API). */
const jsonld = jsonldModule as unknown as {
  expand(input: unknown, options: object): Promise<unknown[]>;
  toRDF(input: unknown, options: object): Promise<string>;
  canonize(input: unknown, options: object): Promise<string>;
};

const MARKUP_DATA_DIR = join(__dirname, '..', 'fixtures', 'markup-in-names');
const figureFixtures = fixtureFolders(FIGURE_FIXTURES);
afterAll(() => figureFixtures.remove());

/** Every URL a JSON-LD processor asked to load: none may be, the context is inline. */
const loads: string[] = [];
const refuseEveryUrl = async (url: string): Promise<never> => {
  loads.push(url);
  throw new Error(`refused to load ${url}: the tests load nothing from the network`);
};
const offline = { safe: true, documentLoader: refuseEveryUrl };

/** Two RDF datasets in one canonical form (RDF Dataset Canonicalization), to compare. */
async function canonical(nquads: string): Promise<string> {
  return jsonld.canonize(nquads, { algorithm: 'RDFC-1.0', inputFormat: 'application/n-quads', safe: true, documentLoader: refuseEveryUrl });
}

/** The ids of every node of the service's graph, through GraphQL. */
async function allIds(service: HttpTestService): Promise<string[]> {
  const reply = await postGraphQL(service.url, {
    query:
      '{ stats { nodeCount } articles(first: 100) { nodes { id } } entities(first: 100) { nodes { id } } quotes(first: 100) { nodes { id } } claims(first: 100) { nodes { id } } figures(first: 100) { nodes { id } } }',
  });
  const data = reply.json.data;
  const ids = ['articles', 'entities', 'quotes', 'claims', 'figures'].flatMap((list) => data[list].nodes.map((node: { id: string }) => node.id));
  expect(ids).toHaveLength(data.stats.nodeCount);
  return ids;
}

describe('GET /vocab', () => {
  it("describes every term of newsgraph's own vocabulary that the context uses", async () => {
    const service = await startHttpService({ GRAPH_DATA_DIR: CONFORMANCE_DATA_DIR });
    try {
      const vocab = await send(`${service.origin}/vocab`);
      const context = (await send(`${service.origin}/context.jsonld`)).json['@context'];
      const own = Object.values(context)
        .map((term: any) => (typeof term === 'string' ? term : (term['@id'] ?? term['@reverse'])))
        .filter((iri: string) => iri.startsWith(`${service.origin}/vocab#`));
      const expanded = (await jsonld.expand(vocab.json, offline)) as {
        '@id': string;
        'http://www.w3.org/2000/01/rdf-schema#comment': { '@value': string }[];
      }[];
      expect(new Set(expanded.map((term) => term['@id']))).toEqual(new Set(own));
      expect(expanded.every((term) => term['http://www.w3.org/2000/01/rdf-schema#comment'][0]['@value'].length > 0)).toBe(true);
    } finally {
      await service.close();
    }
  });
});

describe.each([
  ['the store-conformance fixture', CONFORMANCE_DATA_DIR],
  ['a fixture whose names hold markup', MARKUP_DATA_DIR],
  ['a fixture of figures with qualifiers and changes', figureFixtures.dir('figures-that-agree')],
  ['the bundled graph-data', BUNDLED_GRAPH_DATA_DIR],
])('the IRIs of %s', (_name, dataDir) => {
  let service: HttpTestService;
  beforeAll(async () => {
    service = await startHttpService({ GRAPH_DATA_DIR: dataDir });
  });
  afterAll(() => service.close());

  it('dereference to JSON-LD that jsonld.js expands in safe mode and turns into the same RDF as the N-Triples served, loading nothing', async () => {
    loads.length = 0;
    for (const id of await allIds(service)) {
      const reply = await send(`${service.origin}/id/${id}`, { headers: { accept: 'application/ld+json' } });
      expect([id, reply.status, reply.headers['content-type']]).toEqual([id, 200, 'application/ld+json; charset=utf-8']);
      // Safe mode throws on any term or value that expansion would drop.
      const expanded = await jsonld.expand(reply.json, offline);
      expect(expanded.length).toBeGreaterThan(0);
      const rdf = await jsonld.toRDF(reply.json, { ...offline, format: 'application/n-quads' });
      const triples = await send(`${service.origin}/id/${id}`, { headers: { accept: 'application/n-triples' } });
      expect([id, await canonical(triples.text)]).toEqual([id, await canonical(rdf)]);
    }
    expect(loads).toEqual([]);
  });

  it("are the Node.iri of GraphQL, under the service's own /id/", async () => {
    const reply = await postGraphQL(service.url, { query: '{ entities(first: 1) { nodes { id iri } } }' });
    const [{ id, iri }] = reply.json.data.entities.nodes;
    expect(iri).toBe(`${service.origin}/id/${id}`);
    expect(service.service.iriBase).toBe(`${service.origin}/id/`);
  });

  it('stream the whole graph as JSON-LD and as N-Triples, the same statements, every node a subject', async () => {
    loads.length = 0;
    const [dump, triples] = await Promise.all([send(`${service.origin}/dump.jsonld`), send(`${service.origin}/dump.nt`)]);
    expect([dump.status, dump.headers['content-type'], triples.status, triples.headers['content-type']]).toEqual([
      200,
      'application/ld+json; charset=utf-8',
      200,
      'application/n-triples; charset=utf-8',
    ]);
    expect(dump.json['@graph']).toHaveLength((await allIds(service)).length);
    const rdf = await jsonld.toRDF(dump.json, { ...offline, format: 'application/n-quads' });
    expect(await canonical(triples.text)).toBe(await canonical(rdf));
    const subjects = new Set(
      triples.text
        .split('\n')
        .filter(Boolean)
        .map((line) => line.slice(0, line.indexOf(' '))),
    );
    for (const id of await allIds(service)) expect(subjects.has(`<${service.origin}/id/${id}>`)).toBe(true);
    expect(loads).toEqual([]);
  });
});

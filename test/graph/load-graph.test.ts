import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DataProblem, GraphDataError } from '../../src/graph/data-problem';
import { loadGraph } from '../../src/graph/load-graph';
import type { ArticleNode, ClaimNode, FigureNode, NodeKind, QuoteNode } from '../../src/graph/model';
import type { RawArticle } from '../../src/graph/raw-data';
import { edgesInOrder, type GraphSnapshot } from '../../src/graph/snapshot';
import { PREDICATE_BY_NAME } from '../../src/graph/vocabulary';
import { LIGHTHOUSE_FIXTURES, type LighthouseFixture } from '../fixtures/lighthouse-fixtures';
import { fixtureFolders } from '../helpers/graph-fixture';

/** The fixtures (test/fixtures/lighthouse-fixtures.ts), each written to a temporary folder when first asked for. */
const fixtures = fixtureFolders(LIGHTHOUSE_FIXTURES);
afterAll(() => fixtures.remove());

function fixture(name: LighthouseFixture): string {
  return fixtures.dir(name);
}

/** Loads `dir`, expecting it to fail, and returns the GraphDataError it throws. */
function loadError(dir: string): GraphDataError {
  try {
    loadGraph(dir);
  } catch (error) {
    if (error instanceof GraphDataError) return error;
    throw error;
  }
  throw new Error(`expected ${dir} to be rejected, but it loaded`);
}

function problemsOf(dir: string): readonly DataProblem[] {
  return loadError(dir).problems;
}

function countsByKind(snapshot: GraphSnapshot): Record<string, number> {
  return Object.fromEntries([...snapshot.nodesByKind].map(([kind, nodes]) => [kind, nodes.length]));
}

function textOf(snapshot: GraphSnapshot, articleId: string): string {
  return (snapshot.nodes.get(articleId) as ArticleNode).text;
}

describe('loadGraph: invalid JSON', () => {
  it('reports a trailing comma as invalid JSON with the line and column of the comma', () => {
    // The comma ends line 8, after the "entities" array, before the closing "}" on line 9.
    expect(problemsOf(fixture('invalid-json'))).toEqual([
      {
        file: 'articles/lighthouse.json',
        path: '$',
        message: 'invalid JSON at line 8, column 4: a comma before "}": JSON allows no trailing comma',
      },
    ]);
  });

  it('reports a trailing comma after the last item of an array at the comma', () => {
    // The comma ends line 9 (column 24, after "place:port-ellery", the last id of "entities"); the "]" follows on line 10.
    expect(problemsOf(fixture('trailing-comma-in-array'))).toEqual([
      {
        file: 'articles/lighthouse.json',
        path: '$',
        message: 'invalid JSON at line 9, column 24: a comma before "]": JSON allows no trailing comma',
      },
    ]);
  });
});

describe('loadGraph: schema violations', () => {
  it('reports only the schema problem of an entity file that fails it, not the references to its entities', () => {
    // The file defines the trust (with an unknown property) and the place; the article refers to
    // both in "entities", in claims, in a figure and in a relation.
    expect(problemsOf(fixture('entity-file-fails-schema'))).toEqual([
      { file: 'entities/organizations-and-places.json', path: '$.entities[0]', message: 'unknown property "founded"' },
    ]);
  });

  it('reports an unknown property with the path of the object that has it', () => {
    expect(problemsOf(fixture('schema-unknown-property'))).toEqual([
      { file: 'articles/lighthouse.json', path: '$.claims[0]', message: 'unknown property "confidence"' },
    ]);
  });

  it('reports a missing required property with the path of the object that lacks it', () => {
    expect(problemsOf(fixture('schema-missing-property'))).toEqual([
      { file: 'articles/lighthouse.json', path: '$.quotes[0]', message: 'missing required property "speaker"' },
    ]);
  });

  it('reports a value outside an enum with the path of the value and the allowed values', () => {
    expect(problemsOf(fixture('schema-bad-enum'))).toEqual([
      {
        file: 'articles/lighthouse.json',
        path: '$.claims[0].attribution',
        message: '"REPORTED" is not allowed; must be one of "DIRECT_QUOTE", "PARAPHRASE", "EDITORIAL"',
      },
    ]);
  });
});

describe('loadGraph: duplicate ids', () => {
  it('reports the other problems of a file whose article id is a duplicate as well as the duplicate id', () => {
    expect(problemsOf(fixture('duplicate-article-id-and-bad-quote'))).toEqual([
      {
        file: 'articles/lighthouse-tuesday.json',
        path: '$.id',
        message: 'duplicate id "article:lighthouse": already used by articles/lighthouse-monday.json',
      },
      {
        file: 'articles/lighthouse-tuesday.json',
        path: '$.quotes[0].text',
        message:
          'quote is not verbatim: "The lighthouse belongs to ever…" is not in the article text: ' +
          'its first 31 of 50 characters match at offset 134, ' +
          'then at offset 165 the text has "one in Port " where the selector has "body in Port"',
      },
    ]);
  });

  it('reports an entity id defined in two entity files, naming the file that defined it first', () => {
    expect(problemsOf(fixture('duplicate-entity-id'))).toEqual([
      {
        file: 'entities/staff.json',
        path: '$.entities[0].id',
        message: 'duplicate id "person:dana-whitfield": already defined in entities/people.json',
      },
    ]);
  });

  it('reports an article id used by two article files, naming the file that used it first', () => {
    expect(problemsOf(fixture('duplicate-article-id'))).toEqual([
      {
        file: 'articles/lighthouse-tuesday.json',
        path: '$.id',
        message: 'duplicate id "article:lighthouse": already used by articles/lighthouse-monday.json',
      },
    ]);
  });

  it('reports an entity id whose prefix does not match the type of the entity', () => {
    expect(problemsOf(fixture('entity-id-kind-mismatch'))).toEqual([
      {
        file: 'entities/organizations.json',
        path: '$.entities[0].id',
        message: 'id "person:harbor-lantern-trust" must start with "organization:" for an entity of type Organization',
      },
    ]);
  });
});

describe('loadGraph: entity references', () => {
  it('reports a claim subject that no entity file defines', () => {
    expect(problemsOf(fixture('unknown-entity'))).toEqual([
      {
        file: 'articles/lighthouse.json',
        path: '$.claims[0].subjects[0]',
        message: 'unknown entity "organization:harbour-lantern-trust": no entity file defines it',
      },
    ]);
  });

  it('reports an entity used by a claim but not listed in the article\'s "entities"', () => {
    expect(problemsOf(fixture('entity-not-listed'))).toEqual([
      {
        file: 'articles/lighthouse.json',
        path: '$.claims[0].subjects[0]',
        message: 'entity "organization:harbor-lantern-trust" is used here but not listed in the article\'s "entities"',
      },
    ]);
  });

  it('reports a listed entity whose name and aliases never occur in the text as whole words', () => {
    expect(problemsOf(fixture('entity-never-mentioned'))).toEqual([
      {
        file: 'articles/lighthouse.json',
        path: '$.entities[1]',
        message: 'no mention of "organization:ellery-rowing-club" in the text: none of "Ellery Rowing Club", "rowing club" occurs as a whole word',
      },
    ]);
  });
});

describe('loadGraph: words a statement rests on', () => {
  it('reports a quote that is not verbatim with the offset where it diverges', () => {
    // "The lighthouse belongs to every" (31 characters) matches at offset 134; the text goes on
    // with "one" where the quote has "body".
    expect(problemsOf(fixture('quote-not-verbatim'))).toEqual([
      {
        file: 'articles/lighthouse.json',
        path: '$.quotes[0].text',
        message:
          'quote is not verbatim: "The lighthouse belongs to ever…" is not in the article text: ' +
          'its first 31 of 50 characters match at offset 134, ' +
          'then at offset 165 the text has "one in Port " where the selector has "body in Port"',
      },
    ]);
  });

  it('reports claim source words that are not in the text, showing where they part from it', () => {
    expect(problemsOf(fixture('source-not-found'))).toEqual([
      {
        file: 'articles/lighthouse.json',
        path: '$.claims[0].source.exact',
        message:
          'quoted words not found: "the trust will restore the lig…" is not in the article text: ' +
          'its first 27 of 49 characters match at offset 78, ' +
          'then at offset 105 the text has "old lighthou" where the selector has "lighthouse t"',
      },
    ]);
  });

  it('reports source words that occur twice without prefix or suffix, with the offsets of both', () => {
    expect(problemsOf(fixture('ambiguous-source'))).toEqual([
      {
        file: 'articles/lighthouse.json',
        path: '$.claims[0].source.exact',
        message:
          'quoted words are ambiguous: "will restore the old lighthous…" occurs twice (at offsets 88, 180); ' + 'add a prefix or suffix that singles out one',
      },
    ]);
  });

  it('resolves the same source words to the one occurrence that the prefix singles out', () => {
    const snapshot = loadGraph(fixture('ambiguous-source-with-prefix'));
    const claim = snapshot.nodes.get('claim:lighthouse/trust-will-restore-lighthouse') as ClaimNode;
    expect(claim.span).toEqual({ articleId: 'article:lighthouse', start: 88, end: 119 });
    expect(textOf(snapshot, 'article:lighthouse').slice(78, 119)).toBe('the trust will restore the old lighthouse');
  });

  it('reports a quote and claim source words that both occur twice, each with its own lead-in', () => {
    // The article repeats the quote at its end (offset 302); the DIRECT_QUOTE claim rests on the same words.
    expect(problemsOf(fixture('ambiguous-quote'))).toEqual([
      {
        file: 'articles/lighthouse.json',
        path: '$.quotes[0].text',
        message: 'quote is ambiguous: "The lighthouse belongs to ever…" occurs twice (at offsets 134, 302); ' + 'add a prefix or suffix that singles out one',
      },
      {
        file: 'articles/lighthouse.json',
        path: '$.claims[1].source.exact',
        message:
          'quoted words are ambiguous: "The lighthouse belongs to ever…" occurs twice (at offsets 134, 302); ' + 'add a prefix or suffix that singles out one',
      },
    ]);
  });

  it('reports a quote that ends inside a word and claim source words that start inside one, with the offset of the cut', () => {
    // The quote "The lighthouse belongs to everyone in Port Ell" stops at offset 180, inside "Ellery";
    // the source words "rust will restore the old lighthouse this summer" start at offset 83, inside "trust".
    expect(problemsOf(fixture('words-cut-a-word'))).toEqual([
      {
        file: 'articles/lighthouse.json',
        path: '$.quotes[0].text',
        message: 'quote cuts a word: "The lighthouse belongs to ever…" ends inside the word "Ellery" (at offset 180); select whole words',
      },
      {
        file: 'articles/lighthouse.json',
        path: '$.claims[0].source.exact',
        message: 'quoted words cut a word: "rust will restore the old ligh…" starts inside the word "trust" (at offset 83); select whole words',
      },
    ]);
  });
});

describe('loadGraph: claims and figures', () => {
  it('reports a figure whose minValue is greater than its maxValue', () => {
    expect(problemsOf(fixture('figure-min-above-max'))).toEqual([
      {
        file: 'articles/lighthouse.json',
        path: '$.figures[0].minValue',
        message: 'minValue 3000000 is greater than maxValue 2000000',
      },
    ]);
  });

  it('reports an EDITORIAL claim that has a claimant', () => {
    expect(problemsOf(fixture('editorial-claim-with-claimant'))).toEqual([
      {
        file: 'articles/lighthouse.json',
        path: '$.claims[0].claimant',
        message: 'an EDITORIAL claim is the article\'s own voice and has no claimant; remove "claimant" or change the attribution',
      },
    ]);
  });

  it('reports a DIRECT_QUOTE claim that no quote of its claimant supports', () => {
    expect(problemsOf(fixture('direct-quote-without-claimant-quote'))).toEqual([
      {
        file: 'articles/lighthouse.json',
        path: '$.claims[0].quotes',
        message: 'a DIRECT_QUOTE claim must be supported by a quote of its claimant "person:dana-whitfield"',
      },
    ]);
  });

  it('reports only the quote, not the DIRECT_QUOTE claim it supports, when the quote is not verbatim', () => {
    expect(problemsOf(fixture('direct-quote-with-bad-quote'))).toEqual([
      {
        file: 'articles/lighthouse.json',
        path: '$.quotes[0].text',
        message:
          'quote is not verbatim: "The lighthouse belongs to ever…" is not in the article text: ' +
          'its first 31 of 50 characters match at offset 134, ' +
          'then at offset 165 the text has "one in Port " where the selector has "body in Port"',
      },
    ]);
  });
});

describe('loadGraph: relations', () => {
  it('reports a relation end whose entity is of a kind the predicate does not allow', () => {
    expect(problemsOf(fixture('relation-wrong-kinds'))).toEqual([
      {
        file: 'articles/lighthouse.json',
        path: '$.relations[0].to',
        message: 'entity "organization:harbor-lantern-trust" is of kind ORGANIZATION; expected PLACE',
      },
    ]);
  });

  it('reports both ends of a HAS_ROLE_AT relation written from the organization to the person', () => {
    expect(problemsOf(fixture('relation-reversed'))).toEqual([
      {
        file: 'articles/lighthouse.json',
        path: '$.relations[0].from',
        message: 'entity "organization:harbor-lantern-trust" is of kind ORGANIZATION; expected PERSON',
      },
      {
        file: 'articles/lighthouse.json',
        path: '$.relations[0].to',
        message: 'entity "person:dana-whitfield" is of kind PERSON; expected ORGANIZATION',
      },
    ]);
  });

  it('reports a HAS_ROLE_AT relation without a qualifier', () => {
    expect(problemsOf(fixture('relation-missing-qualifier'))).toEqual([
      {
        file: 'articles/lighthouse.json',
        path: '$.relations[0]',
        message: 'a HAS_ROLE_AT relation needs a "qualifier" (the title of the role)',
      },
    ]);
  });

  it('reports a relation whose "from" and "to" are the same entity', () => {
    expect(problemsOf(fixture('relation-same-entity'))).toEqual([
      {
        file: 'articles/lighthouse.json',
        path: '$.relations[1]',
        message: 'a relation needs two different entities; "from" and "to" are both "organization:harbor-lantern-trust"',
      },
    ]);
  });
});

describe('loadGraph: article dates', () => {
  it('reports a publishedAt that has the form of a date but names a day that does not exist', () => {
    expect(problemsOf(fixture('impossible-date'))).toEqual([
      { file: 'articles/lighthouse.json', path: '$.publishedAt', message: '"2025-02-30" is not a real date' },
    ]);
  });
});

describe('loadGraph: several problems', () => {
  const expected: DataProblem[] = [
    { file: 'articles/festival.json', path: '$', message: 'unknown property "byline"' },
    {
      file: 'articles/harbor-wall.json',
      path: '$',
      message: 'invalid JSON at line 5, column 3: a comma is expected here',
    },
    {
      file: 'articles/lighthouse.json',
      path: '$.quotes[0].text',
      message:
        'quote is not verbatim: "The lighthouse belongs to ever…" is not in the article text: ' +
        'its first 31 of 50 characters match at offset 134, ' +
        'then at offset 165 the text has "one in Port " where the selector has "body in Port"',
    },
    {
      file: 'articles/lighthouse.json',
      path: '$.claims[0].subjects[0]',
      message: 'unknown entity "organization:harbour-lantern-trust": no entity file defines it',
    },
    {
      file: 'articles/lighthouse.json',
      path: '$.figures[0].minValue',
      message: 'minValue 3000000 is greater than maxValue 2000000',
    },
    {
      file: 'articles/lighthouse.json',
      path: '$.entities[2]',
      message: 'no mention of "person:yann-lecun" in the text: none of "Yann LeCun", "LeCun" occurs as a whole word',
    },
  ];

  it('reports every problem of every file together, file-level problems first', () => {
    expect(problemsOf(fixture('several-problems'))).toEqual(expected);
  });

  it('lists every problem in the error message, one line each', () => {
    expect(loadError(fixture('several-problems')).message).toBe(
      'graph data has 6 problems:\n' +
        '  articles/festival.json $: unknown property "byline"\n' +
        '  articles/harbor-wall.json $: invalid JSON at line 5, column 3: a comma is expected here\n' +
        '  articles/lighthouse.json $.quotes[0].text: quote is not verbatim: "The lighthouse belongs to ever…" is not in the article text: ' +
        'its first 31 of 50 characters match at offset 134, then at offset 165 the text has "one in Port " where the selector has "body in Port"\n' +
        '  articles/lighthouse.json $.claims[0].subjects[0]: unknown entity "organization:harbour-lantern-trust": no entity file defines it\n' +
        '  articles/lighthouse.json $.figures[0].minValue: minValue 3000000 is greater than maxValue 2000000\n' +
        '  articles/lighthouse.json $.entities[2]: no mention of "person:yann-lecun" in the text: none of "Yann LeCun", "LeCun" occurs as a whole word',
    );
  });
});

describe('loadGraph: data directory', () => {
  it('reports a data directory without an entities folder', () => {
    expect(problemsOf(fixture('missing-entities-folder'))).toEqual([
      { file: 'entities/', path: '$', message: 'missing folder: the data directory must have a folder named "entities"' },
    ]);
  });

  it('reports a data directory that does not exist, naming it as given', () => {
    const dir = join(fixtures.root, 'does-not-exist');
    expect(problemsOf(dir)).toEqual([{ file: dir, path: '$', message: 'the graph data directory does not exist' }]);
  });
});

describe('loadGraph: data files', () => {
  it('reports an empty article file as empty, beside an article that loads', () => {
    expect(problemsOf(fixture('empty-article-file'))).toEqual([
      { file: 'articles/harbor-wall.json', path: '$', message: 'the file is empty; it must hold a JSON object' },
    ]);
  });

  it('reports each file in a data folder whose name does not end in ".json", upper-case ".JSON" included', () => {
    const message = 'not a data file: only files ending in ".json" belong here; rename or move it';
    expect(problemsOf(fixture('not-a-data-file'))).toEqual([
      { file: 'articles/harbor-wall.JSON', path: '$', message },
      { file: 'articles/notes.txt', path: '$', message },
    ]);
  });

  it('loads files that start with a UTF-8 byte-order mark as if it were not there', () => {
    const dir = fixture('byte-order-mark');
    // Guard: the fixture really starts with the mark (an editor may strip it on save).
    for (const file of ['articles/lighthouse.json', 'entities/people.json']) {
      expect([...readFileSync(join(dir, file)).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    }
    expect(countsByKind(loadGraph(dir))).toEqual({
      ARTICLE: 1,
      PERSON: 1,
      ORGANIZATION: 1,
      PLACE: 1,
      EVENT: 0,
      TOPIC: 0,
      QUOTE: 1,
      CLAIM: 3,
      FIGURE: 1,
    });
  });
});

describe('loadGraph: the single-article fixture the invalid ones vary', () => {
  it('loads with one node of each kind it uses and three claims', () => {
    expect(countsByKind(loadGraph(fixture('valid-lighthouse')))).toEqual({
      ARTICLE: 1,
      PERSON: 1,
      ORGANIZATION: 1,
      PLACE: 1,
      EVENT: 0,
      TOPIC: 0,
      QUOTE: 1,
      CLAIM: 3,
      FIGURE: 1,
    });
  });
});

describe('loadGraph: two articles sharing a person', () => {
  const dir = fixture('two-articles');
  const DANA = 'person:dana-whitfield';
  const FESTIVAL = 'article:harbor-festival';
  const LIGHTHOUSE = 'article:lighthouse-restoration';
  let snapshot: GraphSnapshot;

  beforeAll(() => {
    snapshot = loadGraph(dir);
  });

  it('has exactly two articles, three entities, two quotes, three claims and one figure', () => {
    expect(countsByKind(snapshot)).toEqual({
      ARTICLE: 2,
      PERSON: 1,
      ORGANIZATION: 1,
      PLACE: 1,
      EVENT: 0,
      TOPIC: 0,
      QUOTE: 2,
      CLAIM: 3,
      FIGURE: 1,
    });
    const ids = (kind: NodeKind) => snapshot.nodesByKind.get(kind)!.map((n) => n.id);
    expect(ids('ARTICLE')).toEqual([FESTIVAL, LIGHTHOUSE]);
    expect(ids('PERSON')).toEqual([DANA]);
    expect(ids('QUOTE')).toEqual(['quote:harbor-festival/never-this-full', 'quote:lighthouse-restoration/belongs-to-town']);
    expect(ids('CLAIM')).toEqual([
      'claim:harbor-festival/record-crowd',
      'claim:harbor-festival/quay-never-this-full',
      'claim:lighthouse-restoration/trust-will-restore-lighthouse',
    ]);
    expect(ids('FIGURE')).toEqual(['figure:harbor-festival/crowd-size']);
  });

  it('links the shared person to both articles with one MENTIONS edge each, at the first mention', () => {
    expect(snapshot.edgesIn.get(DANA)!.get('MENTIONS')).toEqual([
      {
        id: `${FESTIVAL}|MENTIONS|${DANA}`,
        slot: 6,
        predicate: 'MENTIONS',
        from: FESTIVAL,
        to: DANA,
        qualifier: null,
        span: { articleId: FESTIVAL, start: 90, end: 104 },
      },
      {
        id: `${LIGHTHOUSE}|MENTIONS|${DANA}`,
        slot: 14,
        predicate: 'MENTIONS',
        from: LIGHTHOUSE,
        to: DANA,
        qualifier: null,
        span: { articleId: LIGHTHOUSE, start: 0, end: 14 },
      },
    ]);
  });

  it('records every mention of the shared person in both articles with its exact span', () => {
    const mentions = snapshot.mentionsByEntity.get(DANA)!;
    expect(mentions).toEqual([
      { entityId: DANA, span: { articleId: FESTIVAL, start: 90, end: 104 } },
      { entityId: DANA, span: { articleId: LIGHTHOUSE, start: 0, end: 14 } },
      { entityId: DANA, span: { articleId: LIGHTHOUSE, start: 177, end: 186 } },
    ]);
    expect(mentions.map((m) => textOf(snapshot, m.span.articleId).slice(m.span.start, m.span.end))).toEqual(['Dana Whitfield', 'Dana Whitfield', 'Whitfield']);
  });

  it('places every quote, claim and figure on the exact words it quotes', () => {
    const sliceOf = (id: string) => {
      const { span } = snapshot.nodes.get(id) as QuoteNode | ClaimNode | FigureNode;
      return textOf(snapshot, span.articleId).slice(span.start, span.end);
    };
    const spanned = ['QUOTE', 'CLAIM', 'FIGURE'].flatMap((kind) => snapshot.nodesByKind.get(kind as NodeKind)!);
    expect(Object.fromEntries(spanned.map((n) => [n.id, sliceOf(n.id)]))).toEqual({
      'quote:harbor-festival/never-this-full': 'We have never seen the quay this full',
      'quote:lighthouse-restoration/belongs-to-town': 'The lighthouse belongs to the whole town',
      'claim:harbor-festival/record-crowd': 'The harbor festival in Port Ellery drew a record crowd of about 4,000 people',
      'claim:harbor-festival/quay-never-this-full': 'We have never seen the quay this full',
      'claim:lighthouse-restoration/trust-will-restore-lighthouse': 'the trust will restore the old lighthouse this summer',
      'figure:harbor-festival/crowd-size': 'about 4,000 people',
    });

    // And the same, checked against the words written in the article files.
    for (const name of ['harbor-festival', 'lighthouse-restoration']) {
      const raw = JSON.parse(readFileSync(join(dir, 'articles', `${name}.json`), 'utf8')) as RawArticle;
      for (const q of raw.quotes ?? []) expect(sliceOf(`quote:${name}/${q.key}`)).toBe(q.text);
      for (const c of raw.claims ?? []) expect(sliceOf(`claim:${name}/${c.key}`)).toBe(c.source.exact);
      for (const f of raw.figures ?? []) expect(sliceOf(`figure:${name}/${f.key}`)).toBe(f.source.exact);
    }
  });

  it('gives each article its stated relation with the words it rests on', () => {
    expect(edgesInOrder(snapshot).filter((e) => PREDICATE_BY_NAME.get(e.predicate)!.stated)).toEqual([
      {
        id: `${FESTIVAL}|${DANA}|BASED_IN|place:port-ellery`,
        slot: 7,
        predicate: 'BASED_IN',
        from: DANA,
        to: 'place:port-ellery',
        qualifier: null,
        span: { articleId: FESTIVAL, start: 90, end: 132 },
      },
      {
        id: `${LIGHTHOUSE}|${DANA}|HAS_ROLE_AT|organization:harbor-lantern-trust`,
        slot: 15,
        predicate: 'HAS_ROLE_AT',
        from: DANA,
        to: 'organization:harbor-lantern-trust',
        qualifier: 'director',
        span: { articleId: LIGHTHOUSE, start: 0, end: 56 },
      },
    ]);
    expect(textOf(snapshot, FESTIVAL).slice(90, 132)).toBe('Dana Whitfield, who grew up in Port Ellery');
    expect(textOf(snapshot, LIGHTHOUSE).slice(0, 56)).toBe('Dana Whitfield, the director of the Harbor Lantern Trust');
  });

  it('links the shared person to the quotes she said and the claims she makes in both articles', () => {
    const out = snapshot.edgesOut.get(DANA)!;
    expect(out.get('SAID')!.map((e) => e.to)).toEqual(['quote:harbor-festival/never-this-full', 'quote:lighthouse-restoration/belongs-to-town']);
    expect(out.get('CLAIMS')!.map((e) => e.to)).toEqual([
      'claim:harbor-festival/quay-never-this-full',
      'claim:lighthouse-restoration/trust-will-restore-lighthouse',
    ]);
    expect(
      snapshot.edgesOut
        .get('claim:harbor-festival/quay-never-this-full')!
        .get('SUPPORTED_BY')!
        .map((e) => e.to),
    ).toEqual(['quote:harbor-festival/never-this-full']);
  });
});

describe('loadGraph: an entity file that is not valid JSON', () => {
  it('says the unknown entities may be in the unreadable file', () => {
    const unknown = (path: string) => ({
      file: 'articles/lighthouse.json',
      path,
      message:
        'unknown entity "organization:harbor-lantern-trust": no entity file defines it (or it is in entities/organizations.json, which could not be read)',
    });
    expect(problemsOf(fixture('entity-file-not-json'))).toEqual([
      { file: 'entities/organizations.json', path: '$', message: 'invalid JSON at line 9, column 6: a comma before "]": JSON allows no trailing comma' },
      unknown('$.entities[1]'),
      unknown('$.claims[0].subjects[0]'),
      unknown('$.claims[2].subjects[0]'),
      unknown('$.figures[0].subject'),
      unknown('$.relations[0].to'),
    ]);
  });
});

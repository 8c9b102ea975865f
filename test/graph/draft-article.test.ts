import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ArticleDraft, type DraftGraph, draftArticle, InMemoryGraphStore, loadGraph, readDraftGraph } from '../../src/graph';
import { isPlan, planArticlePut } from '../../src/graph/graph-writes';
import { FIXTURES_DIR } from '../helpers/graph-fixture';
import { SEED_GRAPH_DIR } from '../helpers/seed-graph';

const DRAFTS_DIR = join(FIXTURES_DIR, 'drafts');
const SAMPLE_GRAPH = JSON.parse(readFileSync(join(DRAFTS_DIR, 'graph.json'), 'utf8')) as DraftGraph;
const sampleText = (name: string) => readFileSync(join(DRAFTS_DIR, `${name}.txt`), 'utf8');
const sample = (name: string) => draftArticle(sampleText(name), SAMPLE_GRAPH);

const quotesOf = (draft: ArticleDraft) => draft.quotes.map((q) => [q.speaker, q.text]);
const relationsOf = (draft: ArticleDraft) => (draft.body.article.relations ?? []).map((r) => [r.from, r.qualifier, r.to, r.source.exact]);
const figuresOf = (draft: ArticleDraft) => (draft.body.article.figures ?? []).map(({ label: _label, ...figure }) => figure);
/** The notes on speakers, new entities, roles and terms in quotation marks (those on quotes' claims and figures' sentences are the same for all). */
const notesOf = (draft: ArticleDraft) =>
  draft.review.filter((r) => ['speaker', 'entity', 'role'].includes(r.topic) || r.message.includes('as a term')).map((r) => r.message);

describe('draftArticle on the seed article', () => {
  let seedGraph: DraftGraph;
  let draft: ArticleDraft;
  const raw = readFileSync(join(FIXTURES_DIR, 'seed-article.txt'), 'utf8');
  const handMade = JSON.parse(readFileSync(join(SEED_GRAPH_DIR, 'articles', 'zuckerberg-american-open-source-ai-standards.json'), 'utf8'));

  beforeAll(async () => {
    seedGraph = await readDraftGraph(new InMemoryGraphStore(loadGraph(SEED_GRAPH_DIR)));
    draft = draftArticle(raw, seedGraph);
  });

  it('takes the headline from the first line and keeps the rest as the body, exactly', () => {
    expect(draft.slug).toBe('zuckerberg-advocates-american-open-source-ai-standards');
    expect(draft.body.article.id).toBe('article:zuckerberg-advocates-american-open-source-ai-standards');
    expect(draft.body.article.headline).toBe('Zuckerberg advocates for American open-source AI standards');
    expect(draft.body.article.text).toBe(raw.slice(raw.indexOf('\n') + 1).replace(/\n$/, ''));
    expect(draft.body.article.text.endsWith(handMade.text)).toBe(true);
  });

  it('finds the quotes of the hand-made file, word for word, each with its speaker', () => {
    expect(draft.body.article.quotes!.map((q) => [q.speaker, q.text])).toEqual(
      handMade.quotes.map((q: { speaker: string; text: string }) => [q.speaker, q.text]),
    );
    expect(draft.body.article.quotes!.map((q) => q.key)).toEqual([
      'have-advances-will-hope',
      'probably-too-early-really',
      'if-anything-some-recent',
      'theres-going-open-source',
      'am-optimistic-about-progress',
    ]);
  });

  it("proposes a claim per quote, in the speaker's words, with the quote as support", () => {
    expect(draft.body.article.claims!.map((c) => [c.key, c.attribution, c.claimant, c.subjects, c.quotes])).toEqual([
      ['have-advances-will-hope', 'DIRECT_QUOTE', 'person:mark-zuckerberg', ['person:mark-zuckerberg'], ['have-advances-will-hope']],
      ['probably-too-early-really', 'DIRECT_QUOTE', 'person:mark-zuckerberg', ['person:mark-zuckerberg'], ['probably-too-early-really']],
      ['if-anything-some-recent', 'DIRECT_QUOTE', 'person:mark-zuckerberg', ['person:mark-zuckerberg'], ['if-anything-some-recent']],
      ['theres-going-open-source', 'DIRECT_QUOTE', 'person:mark-zuckerberg', ['topic:open-source-ai', 'place:united-states'], ['theres-going-open-source']],
      ['am-optimistic-about-progress', 'DIRECT_QUOTE', 'person:mark-zuckerberg', ['person:mark-zuckerberg'], ['am-optimistic-about-progress']],
      ['during-call-zuckerberg-reiterated', 'PARAPHRASE', 'person:mark-zuckerberg', ['organization:meta'], undefined],
    ]);
  });

  it("gives the hand-made file's figure, with its subject and period, and the roles its appositions state", () => {
    const [handFigure] = handMade.figures;
    expect(draft.body.article.figures).toEqual([
      {
        key: 'meta-money-2025',
        label: 'Meta: $60 billion to $65 billion, 2025',
        minValue: handFigure.minValue,
        maxValue: handFigure.maxValue,
        unit: handFigure.unit,
        period: handFigure.period,
        subject: handFigure.subject,
        claim: 'during-call-zuckerberg-reiterated',
        source: handFigure.source,
      },
    ]);
    expect(draft.body.article.relations).toEqual(handMade.relations.filter((r: { predicate: string }) => r.predicate === 'HAS_ROLE_AT'));
  });

  it('lists every entity of the graph the text names, and no new one', () => {
    expect(draft.body.article.entities).toEqual([
      'person:mark-zuckerberg',
      'organization:meta',
      'place:china',
      'organization:deepseek',
      'topic:open-source-ai',
      'place:united-states',
      'event:meta-earnings-call-deepseek',
      'person:unnamed-analyst-meta-earnings-call',
      'organization:us-tech-companies',
      'organization:big-tech',
      'organization:us-administration',
      'person:yann-lecun',
    ]);
    expect(draft.body.entities).toEqual([]);
  });

  it('notes what to check: the roles, the claims that restate quotes, the figure and its sentence', () => {
    expect(draft.review.map((r) => [r.topic, r.start, r.message])).toEqual([
      ['role', 206, 'person:mark-zuckerberg is "CEO" at organization:meta'],
      [
        'quote',
        670,
        'claim "have-advances-will-hope" restates the quote word for word, and its subjects are the entities of its sentence (none: the speaker): say what it claims, and about whom',
      ],
      [
        'quote',
        923,
        'claim "probably-too-early-really" restates the quote word for word, and its subjects are the entities of its sentence (none: the speaker): say what it claims, and about whom',
      ],
      [
        'figure',
        1295,
        'claim "during-call-zuckerberg-reiterated" is the sentence as written, reported of person:mark-zuckerberg: restate it and check its attribution',
      ],
      [
        'figure',
        1364,
        'figure "meta-money-2025": its subject is organization:meta, the organization or entity of its sentence nearest before it, and its period 2025, the only year of its sentence: check them and write its label',
      ],
      [
        'quote',
        1493,
        'claim "if-anything-some-recent" restates the quote word for word, and its subjects are the entities of its sentence (none: the speaker): say what it claims, and about whom',
      ],
      [
        'quote',
        1768,
        'claim "theres-going-open-source" restates the quote word for word, and its subjects are the entities of its sentence: say what it claims, and about whom',
      ],
      [
        'quote',
        2079,
        'claim "am-optimistic-about-progress" restates the quote word for word, and its subjects are the entities of its sentence (none: the speaker): say what it claims, and about whom',
      ],
      ['role', 2166, 'person:yann-lecun is "chief AI scientist" at organization:meta'],
    ]);
    for (const note of draft.review) expect(draft.body.article.text.slice(note.start, note.start + note.text.length)).toBe(note.text);
  });

  it('validates as a write of a new article against the seed graph', () => {
    const planned = planArticlePut(loadGraph(SEED_GRAPH_DIR), draft.slug, draft.body);
    expect(isPlan(planned) && planned.created).toBe(true);
  });
});

describe('draftArticle on the sample reports', () => {
  it('splits a typographic quote around "Okafor said", finds a new person by her full name and surname, and her role by apposition', () => {
    const draft = sample('harbour-ferries');
    expect(quotesOf(draft)).toEqual([
      [null, 'the biggest change to the fleet in forty years.'],
      ['person:nadia-okafor', 'We carry nine thousand people on a busy day'],
      ['person:nadia-okafor', 'Every one of them will ride on a quieter boat.'],
      ['person:tomas-lindqvist', 'Batteries are cheaper to run than diesel over the life of a ferry'],
    ]);
    expect(draft.body.article.entities).toEqual(['organization:harbour-ferries', 'place:kestrel-bay', 'person:nadia-okafor', 'person:tomas-lindqvist']);
    expect(draft.body.entities).toEqual([
      { id: 'place:kestrel-bay', type: 'Place', name: 'Kestrel Bay' },
      { id: 'person:nadia-okafor', type: 'Person', name: 'Nadia Okafor', aliases: ['Okafor'] },
      { id: 'person:tomas-lindqvist', type: 'Person', name: 'Tomas Lindqvist' },
    ]);
    expect(relationsOf(draft)).toEqual([
      ['person:nadia-okafor', 'chief executive', 'organization:harbour-ferries', 'Nadia Okafor, the chief executive of Harbour Ferries'],
    ]);
    expect(figuresOf(draft)).toEqual([
      {
        key: 'harbour-ferries-money',
        value: 48000000,
        unit: 'USD',
        subject: 'organization:harbour-ferries',
        claim: 'harbour-ferries-operator-kestrel',
        source: { exact: '$48 million' },
      },
      {
        key: 'harbour-ferries-count',
        value: 2,
        unit: 'count',
        counted: 'electric ferries',
        subject: 'organization:harbour-ferries',
        claim: 'harbour-ferries-operator-kestrel',
        source: { exact: 'two electric ferries' },
      },
    ]);
    expect(notesOf(draft)).toEqual([
      'new place place:kestrel-bay: check it is not in the graph under another name, and that it is a place',
      'new person person:nadia-okafor: check it is not in the graph under another name, and that it is a person',
      'person:nadia-okafor is "chief executive" at organization:harbour-ferries',
      'the quote has no speaker: no speaker is named next to it; it is left out of the draft until one is given',
      'new person person:tomas-lindqvist: check it is not in the graph under another name, and that it is a person',
    ]);
    // A quote without a speaker stays out of the body.
    expect(draft.body.article.quotes!.map((q) => q.text)).not.toContain('the biggest change to the fleet in forty years.');
  });

  it('resolves "The mayor" by the one role of the graph it fits, and leaves "the opposition leader" without a speaker', () => {
    const draft = sample('marlow-budget');
    expect(quotesOf(draft)).toEqual([
      ['person:elena-voss', 'We cut what we could without closing a single library.'],
      [null, 'This budget asks the poorest to pay first'],
      ['person:priya-raman', 'the numbers do not add up at all.'],
    ]);
    expect(draft.body.article.entities).toEqual(['organization:marlow-city-council', 'person:priya-raman', 'person:elena-voss']);
    expect(draft.body.entities).toEqual([{ id: 'person:priya-raman', type: 'Person', name: 'Priya Raman' }]);
    expect(figuresOf(draft)).toEqual([
      {
        key: 'marlow-city-council-money',
        value: 310000000,
        unit: 'EUR',
        subject: 'organization:marlow-city-council',
        claim: 'marlow-city-council-approved',
        source: { exact: '€310 million' },
      },
      {
        key: 'marlow-city-council-money-2',
        value: 325000000,
        unit: 'EUR',
        subject: 'organization:marlow-city-council',
        claim: 'marlow-city-council-approved',
        source: { exact: '€325 million' },
      },
      {
        key: 'marlow-city-council-count',
        value: 1200,
        unit: 'count',
        counted: 'new homes',
        qualifier: 'UP_TO',
        subject: 'organization:marlow-city-council',
        claim: 'marlow-city-council-expects',
        source: { exact: 'up to 1,200 new homes' },
      },
    ]);
    expect(notesOf(draft)).toEqual([
      'person:elena-voss speaks here but is named only by a description: add that description to its aliases (an entity in the body\'s "entities"), or leave its quotes out',
      'the quote has no speaker: "the opposition leader" is not a role or alias of exactly one known person; it is left out of the draft until one is given',
      'new person person:priya-raman: check it is not in the graph under another name, and that it is a person',
    ]);
  });

  it('gives a figure its change and basis, a split quote one speaker through "she said", and a role after a possessive', () => {
    const draft = sample('corvane-quarter');
    expect(quotesOf(draft)).toEqual([
      ['person:julia-brandt', 'Demand for our data-centre parts has never been stronger'],
      ['person:julia-brandt', 'We are hiring as fast as we can train'],
      ['person:julia-brandt', 'and we will keep doing so through next year.'],
    ]);
    expect(figuresOf(draft)).toEqual([
      {
        key: 'corvane-systems-money',
        value: 2400000000,
        unit: 'USD',
        change: { direction: 'UP', value: 18, unit: 'percent', basis: 'YEAR_OVER_YEAR' },
        subject: 'organization:corvane-systems',
        claim: 'corvane-systems-said-quarterly',
        source: { exact: 'rose 18% year over year to $2.4 billion' },
      },
      {
        key: 'corvane-systems-money-2',
        minValue: 700000000,
        maxValue: 800000000,
        unit: 'USD',
        subject: 'organization:corvane-systems',
        claim: 'corvane-expects-spend-between',
        source: { exact: 'between $700 million and $800 million' },
      },
    ]);
    expect(draft.body.entities).toEqual([
      { id: 'person:julia-brandt', type: 'Person', name: 'Julia Brandt', aliases: ['Brandt'] },
      { id: 'place:ohio', type: 'Place', name: 'Ohio' },
    ]);
    expect(relationsOf(draft)).toEqual([
      ['person:julia-brandt', 'chief financial officer', 'organization:corvane-systems', "Julia Brandt, Corvane's chief financial officer"],
    ]);
    expect(draft.review.filter((r) => r.message.includes('about no entity')).map((r) => r.text)).toEqual(['climbed 9%', 'about 1,500 people']);
    // The claim of a figure's sentence is the organization's when the sentence says the organization said it.
    expect(draft.body.article.claims!.filter((c) => c.attribution !== 'DIRECT_QUOTE').map((c) => [c.key, c.attribution, c.claimant, c.subjects])).toEqual([
      ['corvane-systems-said-quarterly', 'PARAPHRASE', 'organization:corvane-systems', ['organization:corvane-systems']],
      ['corvane-expects-spend-between', 'EDITORIAL', undefined, ['organization:corvane-systems', 'place:ohio']],
    ]);
  });

  it('resolves "the Northern Rail Union leader" by role, carries a speaker into the next quote, and leaves "the spokesperson" two people fit', () => {
    const draft = sample('rail-talks');
    expect(quotesOf(draft)).toEqual([
      ['person:owen-hale', 'We have offered 4% this year and 3% next year'],
      ['person:owen-hale', 'That offer stands.'],
      ['person:mara-quinn', 'Our members lost a fifth of their pay to prices'],
      ['person:mara-quinn', 'and 4% does not give it back.'],
      [null, 'This is a matter for the two sides to settle'],
    ]);
    expect(figuresOf(draft).map((f) => [f.source.exact, f.source.prefix, f.value, f.unit, f.qualifier, f.subject])).toEqual([
      ['4%', 'n on Thursday. “We have offered ', 4, 'percent', undefined, 'organization:lakeline'],
      ['3%', undefined, 3, 'percent', undefined, 'organization:lakeline'],
      ['4%', 'rn Rail Union leader said, “and ', 4, 'percent', undefined, 'organization:northern-rail-union'],
      ['an estimated £6m', undefined, 6000000, 'GBP', 'ABOUT', 'organization:lakeline'],
    ]);
    expect(notesOf(draft)).toEqual([
      'new person person:owen-hale: check it is not in the graph under another name, and that it is a person',
      'person:mara-quinn speaks here but is named only by a description: add that description to its aliases (an entity in the body\'s "entities"), or leave its quotes out',
      'the quote has no speaker: "the spokesperson" fits 2 people (person:ivo-marsh, person:lena-ortiz); it is left out of the draft until one is given',
    ]);
  });

  it('drops an honorific from a new name, reads durations and counts, and takes a one-word quotation as a term', () => {
    const draft = sample('brennan-trial');
    expect(quotesOf(draft)).toEqual([
      ['person:amira-soltani', 'Patients were seen by a senior doctor within twenty minutes of arriving.'],
      ['person:amira-soltani', 'If we stop now, the queues come back'],
    ]);
    expect(figuresOf(draft).map((f) => [f.source.exact, f.value, f.unit, f.counted, f.qualifier])).toEqual([
      ['nearly 40 minutes', 40, 'count', 'minutes', 'NEARLY'],
      ['twenty minutes', 20, 'count', 'minutes', undefined],
      ['£1.2 million', 1200000, 'GBP', undefined, undefined],
      ['£3 million', 3000000, 'GBP', undefined, undefined],
      ['two years', 2, 'year', undefined, undefined],
    ]);
    expect(draft.body.entities).toEqual([{ id: 'person:amira-soltani', type: 'Person', name: 'Amira Soltani', aliases: ['Soltani'] }]);
    expect(notesOf(draft)).toEqual([
      'new person person:amira-soltani: check it is not in the graph under another name, and that it is a person',
      '"chaotic" is in quotation marks with no speaker: taken as a term, not a quote',
    ]);
  });
});

describe('attributions', () => {
  /** A graph of two people, one a founder, written for this test. */
  const GRAPH: DraftGraph = {
    entities: [
      { id: 'person:mark-zuckerberg', type: 'Person', name: 'Mark Zuckerberg', aliases: ['Zuckerberg'] },
      { id: 'person:yann-lecun', type: 'Person', name: 'Yann LeCun', aliases: ['LeCun'] },
      { id: 'organization:facebook', type: 'Organization', name: 'Facebook', aliases: [] },
    ],
    roles: [{ personId: 'person:mark-zuckerberg', organizationId: 'organization:facebook', title: 'founder' }],
  };
  const speakers = (body: string) => draftArticle(`Sample report: who said what\n${body}`, GRAPH).quotes.map((q) => [q.speaker, q.text]);

  it('finds the speaker named after the quote, before it with a colon, and after the verb', () => {
    expect(
      speakers(
        '"We will build more data centres," Zuckerberg said. Zuckerberg said: "The plan has not changed at all." "Costs will fall over time," said LeCun.',
      ),
    ).toEqual([
      ['person:mark-zuckerberg', 'We will build more data centres'],
      ['person:mark-zuckerberg', 'The plan has not changed at all.'],
      ['person:yann-lecun', 'Costs will fall over time'],
    ]);
  });

  it('resolves "he" to the person last named, and a description to the one person whose role it is', () => {
    expect(
      speakers(
        'Zuckerberg spoke first, then LeCun. "Open models win in the end," he remarked.\n“We keep our promises,” the Facebook founder said, “every one of them.”',
      ),
    ).toEqual([
      ['person:yann-lecun', 'Open models win in the end'],
      ['person:mark-zuckerberg', 'We keep our promises'],
      ['person:mark-zuckerberg', 'every one of them.'],
    ]);
  });

  it('leaves a description that fits no one person without a speaker, and says so', () => {
    const draft = draftArticle('Sample report: who said what\n"Nobody saw this coming at all," the analyst said.', GRAPH);
    expect(draft.quotes).toEqual([{ text: 'Nobody saw this coming at all', start: 1, speaker: null }]);
    expect(draft.body.article.quotes).toEqual([]);
    expect(draft.review.map((r) => r.message)).toEqual([
      'the quote has no speaker: "the analyst" is not a role or alias of exactly one known person; it is left out of the draft until one is given',
    ]);
  });
});

describe('a draft against the write API', () => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'newsgraph-drafts-'));
    mkdirSync(join(root, 'entities'));
    mkdirSync(join(root, 'articles'));
    writeFileSync(join(root, 'entities', 'samples.json'), JSON.stringify({ entities: SAMPLE_GRAPH.entities }));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const check = (draft: ArticleDraft) => {
    const planned = planArticlePut(loadGraph(root), draft.slug, draft.body);
    return isPlan(planned) ? 'valid' : planned.code === 'INVALID_GRAPH_DATA' ? planned.problems.map((p) => `${p.file} ${p.path}: ${p.message}`) : planned.code;
  };

  it('validates the drafts whose speakers are all named', () => {
    expect(['harbour-ferries', 'corvane-quarter', 'brennan-trial', 'saltmere-port'].map((name) => check(sample(name)))).toEqual([
      'valid',
      'valid',
      'valid',
      'valid',
    ]);
  });

  it('lists the problems of a draft with a speaker named only by a role', () => {
    expect(check(sample('rail-talks'))).toEqual([
      'articles/rail-strike-talks-stall-second-week.json $.entities[3]: no mention of "person:mara-quinn" in the text: none of "Mara Quinn", "Quinn" occurs as a whole word',
    ]);
  });

  it('lists the problems of a text with no headline', () => {
    const draft = draftArticle(`\n${sampleText('corvane-quarter').split('\n').slice(1).join('\n')}`, SAMPLE_GRAPH);
    expect(draft.slug).toBe('untitled');
    expect(check(draft)).toEqual(['articles/untitled.json $.headline: must NOT have fewer than 1 characters']);
  });
});

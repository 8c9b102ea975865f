import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RawArticle, RawClaim, RawEntity, RawFigure, RawQuote, RawRelation } from '../src/graph/raw-data';

/** Options of the synthetic corpus. */
export interface CorpusOptions {
  /** Number of articles. */
  readonly articles: number;
  /** Seed of the pseudo-random generator: the same seed gives the same corpus, byte for byte. */
  readonly seed?: number;
  /** Size of the entity pool; default one entity for every two articles, at least 60. */
  readonly entities?: number;
}

/** mulberry32: a small, fast, seedable generator (the same seed gives the same sequence). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = 'ka lo mi ra ven tor sel dan bri cor el fin gar hal is jor lun mar nor pel quin ros sta tem ul var wen yor zel'.split(' ');
const TOPICS = ['chip exports', 'cloud pricing', 'battery supply', 'AI regulation', 'data privacy', 'satellite launches', 'ad revenue', 'open models'];
const TITLES = ['CEO', 'chief financial officer', 'head of research', 'founder', 'chief AI scientist', 'president'];
const VERBS = ['expanded', 'paused', 'doubled', 'reviewed', 'cut', 'defended', 'questioned', 'announced'];
const OBJECTS = [
  'its data centre plans',
  'a hiring freeze',
  'the new licensing terms',
  'its chip orders',
  'a research partnership',
  'its pricing model',
  'the safety review',
  'an overseas office',
];
const REASONS = [
  'demand remains strong',
  'costs keep rising',
  'rivals moved first',
  'regulators asked questions',
  'investors want returns',
  'the market is shifting',
];

/** Version of the generator, part of the cached corpora's folder names: a new version writes new corpora. */
export const CORPUS_VERSION = 2;

/** Writes a seeded synthetic corpus in the graph-data format into `dir` (replacing what was there). */
export function generateCorpus(dir: string, options: CorpusOptions): { articles: number; entities: number } {
  const rand = random(options.seed ?? 42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const poolSize = options.entities ?? Math.max(60, Math.floor(options.articles / 2));

  const usedNames = new Set<string>();
  const name = (words: number) => {
    for (;;) {
      const made = Array.from({ length: words }, () => {
        const word = pick(SYLLABLES) + pick(SYLLABLES) + (rand() < 0.5 ? pick(SYLLABLES) : '');
        return word[0].toUpperCase() + word.slice(1);
      }).join(' ');
      if (!usedNames.has(made)) {
        usedNames.add(made);
        return made;
      }
    }
  };
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');

  const people: RawEntity[] = [];
  const organizations: RawEntity[] = [];
  const places: RawEntity[] = [];
  for (let i = 0; i < poolSize; i++) {
    const kind = i % 5;
    if (kind < 3) {
      const full = name(2);
      people.push({ id: `person:${slug(full)}`, type: 'Person', name: full, aliases: [full.split(' ')[1]], description: 'A person in the synthetic corpus.' });
    } else if (kind === 3) {
      const org = `${name(1)} ${pick(['Labs', 'Systems', 'Group', 'Networks', 'Capital'])}`;
      organizations.push({ id: `organization:${slug(org)}`, type: 'Organization', name: org, description: 'A company in the synthetic corpus.' });
    } else {
      const place = name(1);
      places.push({ id: `place:${slug(place)}`, type: 'Place', name: place, description: 'A place in the synthetic corpus.' });
    }
  }
  // A few very popular entities and a long tail: rank r is chosen with weight 1 / (r + 1).
  const zipf = <T>(list: readonly T[]): T => {
    const u = rand();
    const r = Math.floor(Math.pow(list.length + 1, u)) - 1;
    return list[Math.min(list.length - 1, Math.max(0, r))];
  };
  // As in real news, a person holds one position (a third of them a second one),
  // and every article quoting them names one of those.
  const roles = new Map<string, { title: string; org: RawEntity }[]>();
  for (const person of people) {
    const held = [{ title: pick(TITLES), org: zipf(organizations) }];
    if (rand() < 1 / 3) held.push({ title: pick(TITLES), org: zipf(organizations) });
    roles.set(person.id, held);
  }

  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'entities'), { recursive: true });
  mkdirSync(join(dir, 'articles'), { recursive: true });
  writeFileSync(join(dir, 'entities', 'people.json'), JSON.stringify({ entities: people }));
  writeFileSync(join(dir, 'entities', 'organizations.json'), JSON.stringify({ entities: organizations }));
  writeFileSync(join(dir, 'entities', 'places.json'), JSON.stringify({ entities: places }));

  for (let a = 0; a < options.articles; a++) {
    const speakers = [zipf(people), zipf(people)].filter((p, i, all) => all.indexOf(p) === i);
    const [lead] = speakers;
    const { title, org } = pick(roles.get(lead.id)!);
    const place = zipf(places);
    const topic = pick(TOPICS);
    const amount = 1 + Math.floor(rand() * 90);
    const year = 2020 + Math.floor(rand() * 6);
    const sentences: string[] = [];
    const quotes: RawQuote[] = [];
    const claims: RawClaim[] = [];
    const relations: RawRelation[] = [];
    const figures: RawFigure[] = [];

    const roleWords = `${lead.name}, the ${title} of ${org.name}`;
    sentences.push(`${roleWords}, said on ${pick(['Monday', 'Tuesday', 'Thursday'])} that ${org.name} ${pick(VERBS)} ${pick(OBJECTS)} in ${place.name}.`);
    relations.push({ predicate: 'HAS_ROLE_AT', from: lead.id, to: org.id, qualifier: title, source: { exact: roleWords } });
    relations.push({ predicate: 'BASED_IN', from: org.id, to: place.id, source: { exact: `in ${place.name}` } });
    claims.push({
      key: 'move',
      text: `${org.name} made a change in ${place.name}.`,
      attribution: 'PARAPHRASE',
      claimant: lead.id,
      subjects: [org.id, place.id],
      source: { exact: sentences[0].slice(roleWords.length + 2, -1) },
    });

    const figureWords = `$${amount} billion`;
    const planSentence = `The company plans to spend ${figureWords} on ${topic} in ${year}, according to a filing number ${a}.`;
    sentences.push(planSentence);
    claims.push({
      key: 'plan',
      text: `${org.name} plans to spend ${figureWords} on ${topic} in ${year}.`,
      attribution: 'EDITORIAL',
      subjects: [org.id],
      source: { exact: planSentence.slice(0, -1) },
    });
    figures.push({
      key: 'spend',
      label: `${org.name} ${year} spending on ${topic}`,
      value: amount * 1e9,
      unit: 'USD',
      period: String(year),
      subject: org.id,
      claim: 'plan',
      source: { exact: figureWords },
    });

    speakers.forEach((speaker, i) => {
      const said = `We think ${topic} will matter more because ${pick(REASONS)}, and we ${pick(VERBS)} ${pick(OBJECTS)} for case ${a}-${i}`;
      sentences.push(`"${said}," ${speaker.name} told reporters.`);
      quotes.push({ key: `q${i}`, speaker: speaker.id, text: said });
      claims.push({
        key: `view-${i}`,
        text: `${topic} will matter more.`,
        attribution: 'DIRECT_QUOTE',
        claimant: speaker.id,
        subjects: [org.id],
        quotes: [`q${i}`],
        source: { exact: said },
      });
    });
    sentences.push(`Analysts said the ${topic} market ${pick(['grew', 'slowed', 'held steady'])} as ${pick(REASONS)} (report ${a}).`);

    const text = sentences.join(' ');
    const article: RawArticle = {
      id: `article:synthetic-${String(a).padStart(6, '0')}`,
      headline: `${org.name} ${pick(VERBS)} ${pick(OBJECTS)} as ${pick(REASONS)}`,
      description: `${lead.name} on ${topic} and ${org.name}'s plans in ${place.name}.`,
      text,
      publishedAt: `${year}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
      entities: [...new Set([lead.id, org.id, place.id, ...speakers.map((s) => s.id)])],
      quotes,
      claims,
      figures,
      relations,
    };
    writeFileSync(join(dir, 'articles', `synthetic-${String(a).padStart(6, '0')}.json`), JSON.stringify(article));
  }
  return { articles: options.articles, entities: poolSize };
}

if (require.main === module) {
  const [dir, count, seed] = process.argv.slice(2);
  if (!dir || !count) {
    console.error('usage: ts-node bench/generate-corpus.ts <dir> <articles> [seed]');
    process.exit(2);
  }
  console.log(generateCorpus(dir, { articles: Number(count), seed: seed ? Number(seed) : undefined }));
}

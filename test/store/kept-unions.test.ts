import { keptCountLists, unionCounts, unionsOfBucket } from '../../src/postgres/kept-unions';

describe('the lists of several hops the PostgreSQL store counts ahead', () => {
  it('count a claim an entity makes about itself once, and each kind on its own', () => {
    const related = new Map([
      // Claims by Ada, one of them about her too, and one about her by someone else.
      ['person:ada\tOUT|CLAIMS|CLAIM\tclaim:a/1', 1],
      ['person:ada\tOUT|CLAIMS|CLAIM\tclaim:a/2', 1],
      ['person:ada\tIN|ABOUT|CLAIM\tclaim:a/2', 1],
      ['person:ada\tIN|ABOUT|CLAIM\tclaim:b/3', 1],
      // A figure measuring her: the subject filter's union of ABOUT and MEASURES, kind FIGURE.
      ['person:ada\tIN|MEASURES|FIGURE\tfigure:b/4', 1],
      // A row whose edges are all gone counts for nothing.
      ['person:ada\tIN|ABOUT|CLAIM\tclaim:c/5', 0],
    ]);
    expect(new Map(unionCounts(related))).toEqual(
      new Map([
        ['related|person:ada|IN|ABOUT|CLAIM,OUT|CLAIMS|CLAIM', 3],
        ['related|person:ada|IN|ABOUT|CLAIM,IN|MEASURES|CLAIM', 2],
        ['related|person:ada|IN|ABOUT|FIGURE,IN|MEASURES|FIGURE', 1],
      ]),
    );
  });

  it('name the counts a query adds up, in any order of its hops, and none for a set of hops not kept', () => {
    const about = { direction: 'IN', predicate: 'ABOUT' } as const;
    const claims = { direction: 'OUT', predicate: 'CLAIMS' } as const;
    expect(keptCountLists('person:ada', [claims, about], ['CLAIM'])).toEqual(['related|person:ada|IN|ABOUT|CLAIM,OUT|CLAIMS|CLAIM']);
    expect(keptCountLists('person:ada', [about, claims], ['CLAIM', 'QUOTE'])).toEqual([
      'related|person:ada|IN|ABOUT|CLAIM,OUT|CLAIMS|CLAIM',
      'related|person:ada|IN|ABOUT|QUOTE,OUT|CLAIMS|QUOTE',
    ]);
    expect(keptCountLists('person:ada', [claims], ['CLAIM'])).toEqual(['related|person:ada|OUT|CLAIMS|CLAIM']);
    expect(keptCountLists('person:ada', [claims, { direction: 'OUT', predicate: 'SAID' }], ['CLAIM'])).toBeNull();
  });

  it('find the kept lists a changed bucket is part of, with the buckets each is the union of', () => {
    expect(unionsOfBucket('person:ada', 'IN|ABOUT|CLAIM')).toEqual([
      { list: 'related|person:ada|IN|ABOUT|CLAIM,OUT|CLAIMS|CLAIM', buckets: ['IN|ABOUT|CLAIM', 'OUT|CLAIMS|CLAIM'] },
      { list: 'related|person:ada|IN|ABOUT|CLAIM,IN|MEASURES|CLAIM', buckets: ['IN|ABOUT|CLAIM', 'IN|MEASURES|CLAIM'] },
    ]);
    expect(unionsOfBucket('person:ada', 'OUT|SAID|QUOTE')).toEqual([]);
  });
});

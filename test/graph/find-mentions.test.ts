import { findMentions } from '../../src/graph/find-mentions';

describe('findMentions', () => {
  it('finds every whole-word occurrence of a name, in text order', () => {
    expect(findMentions('Ellery rows. Ellery sails.', ['Ellery'])).toEqual([
      { start: 0, end: 6 },
      { start: 13, end: 19 },
    ]);
  });

  it('keeps the longer name where a name and an alias overlap', () => {
    const text = 'Dana Whitfield spoke first. Later, Whitfield spoke again.';
    expect(findMentions(text, ['Dana Whitfield', 'Whitfield'])).toEqual([
      { start: 0, end: 14 },
      { start: 35, end: 44 },
    ]);
  });

  it('matches names case-sensitively', () => {
    expect(findMentions('The trust and the Trust.', ['Trust'])).toEqual([{ start: 18, end: 23 }]);
  });

  it('does not match a name inside a longer word, but does before punctuation', () => {
    expect(findMentions("Metadata, Meta's plan, MetaX and Meta.", ['Meta'])).toEqual([
      { start: 10, end: 14 },
      { start: 33, end: 37 },
    ]);
  });

  it('treats accented letters and digits as part of a word', () => {
    expect(findMentions('Orné, Or2 and Or.', ['Or'])).toEqual([{ start: 14, end: 16 }]);
  });

  it('matches names with regular-expression characters literally', () => {
    expect(findMentions('Dr. Who met DrX Who.', ['Dr. Who'])).toEqual([{ start: 0, end: 7 }]);
  });

  it('finds nothing when no name occurs', () => {
    expect(findMentions('Nothing to see here.', ['Ellery', 'Port Ellery'])).toEqual([]);
  });
});

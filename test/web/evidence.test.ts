import { evidenceParts } from '../../web/explorer/evidence';

describe('evidenceParts (the explorer marks the words a fact rests on)', () => {
  const text = 'First paragraph.\n🌊 Dana said “hello”, twice.\nLast one.';

  it('cuts the paragraph that holds the span around its words, by UTF-16 offsets', () => {
    const start = text.indexOf('said');
    // 25 UTF-16 code units in, 24 code points: the wave is two code units.
    expect([start, [...text.slice(0, start)].length]).toEqual([25, 24]);
    expect(evidenceParts(text, start, start + 'said “hello”'.length)).toEqual({ before: '🌊 Dana ', marked: 'said “hello”', after: ', twice.' });
  });

  it('marks words at the very start and end of the text', () => {
    expect(evidenceParts(text, 0, 5)).toEqual({ before: '', marked: 'First', after: ' paragraph.' });
    expect(evidenceParts(text, text.length - 4, text.length)).toEqual({ before: 'Last ', marked: 'one.', after: '' });
  });

  it('keeps both paragraphs when the words run across a line break', () => {
    expect(evidenceParts(text, text.indexOf('paragraph.'), text.indexOf(' Dana'))).toEqual({
      before: 'First ',
      marked: 'paragraph.\n🌊',
      after: ' Dana said “hello”, twice.',
    });
  });

  it('refuses a span outside the text', () => {
    expect(() => evidenceParts(text, 10, text.length + 1)).toThrow(
      new RangeError(`span 10..${text.length + 1} is not inside a text of ${text.length} code units`),
    );
    expect(() => evidenceParts(text, 5, 4)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { analyseComment, extractPhrases, sentimentOf } from './analyse-comment';

describe('sentiment of a comment', () => {
  it.each([
    ['Great service, the installers were friendly and quick!', 'positive'],
    ['Absolutely brilliant, thank you so much', 'positive'],
    ['The fitter arrived four hours late and left a mess.', 'negative'],
    ['Not happy with the delivery at all', 'negative'],
    ['Rude driver, damaged the door frame', 'negative'],
    ['Delivered on Tuesday as booked', 'neutral'],
    ['nothing special', 'neutral'],
    ['😡', 'negative'],
  ] as const)('reads %j as %s', (text, expected) => {
    expect(analyseComment(text).sentiment).toBe(expected);
  });

  it('keeps the score with two decimals and the label in step with it', () => {
    const { sentiment, sentimentScore } = analyseComment('Great service, the installers were friendly and quick!');
    expect(sentimentScore).toBe(2.5);
    expect(sentiment).toBe(sentimentOf(sentimentScore!));
  });

  it('reads negation: "not good" is not positive', () => {
    expect(analyseComment('The installation was good').sentiment).toBe('positive');
    expect(analyseComment('The installation was not good').sentiment).toBe('negative');
  });

  it('gives nothing for no comment', () => {
    for (const notes of [null, undefined, '', '  \n '])
      expect(analyseComment(notes)).toEqual({ sentiment: null, sentimentScore: null, commentPhrases: null });
  });

  it('puts the neutral band at ±0.5', () => {
    expect(sentimentOf(-0.5)).toBe('negative');
    expect(sentimentOf(-0.49)).toBe('neutral');
    expect(sentimentOf(0.49)).toBe('neutral');
    expect(sentimentOf(0.5)).toBe('positive');
  });
});

describe('key phrases of a comment', () => {
  it('cuts at stop words and punctuation, keeping runs of up to three content words', () => {
    expect(extractPhrases('The fitter arrived four hours late and left a mess in the hallway.')).toEqual([
      'fitter arrived',
      'hours late',
      'left',
      'mess',
      'hallway',
    ]);
    expect(extractPhrases('Delivery slot missed; nobody called.')).toEqual(['delivery slot missed', 'nobody called']);
  });

  it('splits longer runs into their two-word pieces, and counts each phrase once', () => {
    expect(extractPhrases('kitchen cabinet door hinge broken. Door hinge broken! Kitchen cabinet.')).toEqual([
      'kitchen cabinet',
      'cabinet door',
      'door hinge',
      'hinge broken',
      'door hinge broken',
    ]);
  });

  it('lowercases, drops numbers and very short words, and keeps apostrophes inside words', () => {
    expect(extractPhrases('Waited 45 MINUTES on hold, TV box OK? engineer’s van')).toEqual([
      'waited',
      'minutes',
      'hold',
      'box',
      "engineer's van",
    ]);
  });

  it('keeps at most twelve phrases', () => {
    const text = Array.from({ length: 30 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`).join(', ');
    expect(extractPhrases(text)).toHaveLength(12);
  });
});

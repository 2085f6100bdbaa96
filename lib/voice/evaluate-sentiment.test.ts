import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateSentiment, parseLabelledComments } from './evaluate-sentiment';

const labelled = parseLabelledComments(
  readFileSync(path.join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'labelled-comments.tsv'), 'utf8'),
);

describe('sentiment accuracy on the labelled comments', () => {
  it('has at least 200 comments of each label in fair measure', () => {
    expect(labelled.length).toBeGreaterThanOrEqual(200);
    for (const label of ['negative', 'neutral', 'positive'])
      expect(labelled.filter((r) => r.label === label).length).toBeGreaterThanOrEqual(60);
  });

  // The figures the README quotes (212 comments: 78.8 % overall, 82.4 % plain, 56.7 % mixed);
  // a change of method or lexicon that lowers them fails here.
  it('agrees with the labels at least as often as measured', () => {
    const result = evaluateSentiment(labelled);
    expect(result.accuracy).toBeGreaterThanOrEqual(0.78);
    expect(result.byKind.plain.accuracy).toBeGreaterThanOrEqual(0.82);
    // Never reads a plainly positive comment as negative.
    expect(result.confusion.positive.negative).toBe(0);
  });

  it('counts a comment once, in its labelled row', () => {
    const result = evaluateSentiment(labelled);
    const cells = Object.values(result.confusion).flatMap((row) => Object.values(row));
    expect(cells.reduce((a, b) => a + b, 0)).toBe(labelled.length);
    expect(result.correct + result.misses.length).toBe(labelled.length);
  });
});

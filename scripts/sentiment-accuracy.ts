// Prints how often the sentiment OutsideIn stores agrees with a person's label, on the labelled
// comments in tests/fixtures/labelled-comments.tsv (written for this project; its licence is the
// project's). `npm run sentiment:accuracy`; the README quotes its figures.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluateSentiment, parseLabelledComments } from '../lib/voice/evaluate-sentiment';

const file = path.join(import.meta.dirname, '..', 'tests', 'fixtures', 'labelled-comments.tsv');
const result = evaluateSentiment(parseLabelledComments(readFileSync(file, 'utf8')));
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
console.log(`comments: ${result.total}, agreed: ${result.correct}, accuracy: ${pct(result.accuracy)}`);
console.log(
  `plain (${result.byKind.plain.total}): ${pct(result.byKind.plain.accuracy)}; mixed (${result.byKind.mixed.total}): ${pct(result.byKind.mixed.accuracy)}`,
);
console.log('labelled \\ read    negative  neutral  positive');
for (const [label, row] of Object.entries(result.confusion))
  console.log(
    `${label.padEnd(18)} ${String(row.negative).padStart(8)} ${String(row.neutral).padStart(8)} ${String(row.positive).padStart(9)}`,
  );
if (process.argv.includes('--misses'))
  for (const miss of result.misses)
    console.log(`${miss.label} read as ${miss.predicted} (${miss.score}): ${miss.comment}`);

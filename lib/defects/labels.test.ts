import { describe, expect, it } from 'vitest';
import { rootCauseSteps } from './labels';

describe('rootCauseSteps', () => {
  it('reads one why per line, without the prompts people type', () => {
    expect(rootCauseSteps('Why? Queue was long\n\n2. Only one till open\nwhy rota left a gap')).toEqual([
      'Queue was long',
      'Only one till open',
      'rota left a gap',
    ]);
    expect(rootCauseSteps(null)).toEqual([]);
  });
});

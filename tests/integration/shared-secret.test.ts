import { describe, expect, it } from 'vitest';
import { agreeOnSecret } from '@/db/prepare';

describe('a secret shared by every app instance on one database', () => {
  it('keeps the first instance’s candidate and hands it to the others', async () => {
    expect(await agreeOnSecret('test-signing-key', 'first-machine-secret')).toBe('first-machine-secret');
    expect(await agreeOnSecret('test-signing-key', 'second-machine-secret')).toBe('first-machine-secret');
    await Promise.all(['a', 'b', 'c'].map((c) => agreeOnSecret('test-concurrent-key', c))).then((answers) =>
      expect(new Set(answers).size).toBe(1),
    );
  });
});

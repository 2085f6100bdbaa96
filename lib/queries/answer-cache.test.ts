import { describe, expect, it } from 'vitest';
import { forgetDashboardAnswers, MAX_ANSWERS, rememberedAnswer } from './answer-cache';

/** A read that counts how often it ran and answers its run's number. */
function counter() {
  let runs = 0;
  const read = () => Promise.resolve(++runs);
  return { read, runs: () => runs };
}

describe('the dashboard answer cache', () => {
  it('answers the same question on the same database from memory within its lifetime, then reads again', async () => {
    const db = {};
    const { read, runs } = counter();
    expect(await rememberedAnswer(db, 'scan', 5, read, 1_000)).toBe(1);
    expect(await rememberedAnswer(db, 'scan', 5, read, 5_999)).toBe(1);
    expect(runs()).toBe(1);
    // Five seconds after it was read, it is read again.
    expect(await rememberedAnswer(db, 'scan', 5, read, 6_000)).toBe(2);
    expect(runs()).toBe(2);
  });

  it('never shares an answer between questions or databases', async () => {
    const [primary, replica] = [{}, {}];
    const { read, runs } = counter();
    await rememberedAnswer(primary, 'scan {"from":"2026-11-01"}', 5, read, 0);
    await rememberedAnswer(primary, 'scan {"from":"2026-11-02"}', 5, read, 0);
    await rememberedAnswer(replica, 'scan {"from":"2026-11-01"}', 5, read, 0);
    expect(runs()).toBe(3);
  });

  it('forgets everything at once, and a read begun before the forget is never served after it', async () => {
    const db = {};
    let release: (value: string) => void = () => {};
    const before = rememberedAnswer(db, 'scan', 5, () => new Promise<string>((resolve) => (release = resolve)), 0);
    forgetDashboardAnswers(); // a write committed while the read was in flight
    const after = rememberedAnswer(db, 'scan', 5, () => Promise.resolve('after the write'), 1);
    release('before the write');
    expect(await before).toBe('before the write');
    expect(await after).toBe('after the write');
    expect(await rememberedAnswer(db, 'scan', 5, () => Promise.resolve('unused'), 2)).toBe('after the write');
  });

  it('shares one read between questions asked at once, and does not remember a failure', async () => {
    const db = {};
    const { read, runs } = counter();
    const [a, b] = await Promise.all([rememberedAnswer(db, 'q', 5, read, 0), rememberedAnswer(db, 'q', 5, read, 0)]);
    expect([a, b, runs()]).toEqual([1, 1, 1]);
    await expect(rememberedAnswer(db, 'fails', 5, () => Promise.reject(new Error('down')), 0)).rejects.toThrow();
    expect(await rememberedAnswer(db, 'fails', 5, () => Promise.resolve('up'), 1)).toBe('up');
  });

  it('reads every time when turned off (0 seconds)', async () => {
    const db = {};
    const { read, runs } = counter();
    await rememberedAnswer(db, 'q', 0, read, 0);
    await rememberedAnswer(db, 'q', 0, read, 0);
    expect(runs()).toBe(2);
  });

  it('keeps at most MAX_ANSWERS per database, dropping the least recently used', async () => {
    const db = {};
    const { read, runs } = counter();
    await rememberedAnswer(db, 'first', 60, read, 0);
    for (let i = 0; i < MAX_ANSWERS - 1; i++) await rememberedAnswer(db, `other ${i}`, 60, read, 0);
    await rememberedAnswer(db, 'first', 60, read, 1); // used again: now the most recent
    await rememberedAnswer(db, 'one more', 60, read, 2); // pushes out "other 0", the oldest
    const counted = runs();
    await rememberedAnswer(db, 'first', 60, read, 3);
    expect(runs()).toBe(counted);
    await rememberedAnswer(db, 'other 0', 60, read, 3);
    expect(runs()).toBe(counted + 1);
  });
});

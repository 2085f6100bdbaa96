import { beforeEach, describe, expect, it } from 'vitest';
import { forgetSessions, MAX_SESSIONS, REMEMBER_SECONDS, rememberedSession } from './remembered-sessions';

/** A decode that counts its runs and answers `session` (a fresh object each run). */
function decoder(session: { user: string } | null = { user: 'u1' }) {
  let runs = 0;
  const decode = () => {
    runs++;
    return Promise.resolve(session && { ...session });
  };
  return { decode, runs: () => runs };
}

describe('remembered sessions', () => {
  beforeEach(() => forgetSessions());

  it('decodes a cookie once within REMEMBER_SECONDS, then again', async () => {
    const { decode, runs } = decoder();
    const first = await rememberedSession('authjs.session-token=a', decode, 0);
    expect(await rememberedSession('authjs.session-token=a', decode, REMEMBER_SECONDS * 1000 - 1)).toBe(first);
    expect(runs()).toBe(1);
    await rememberedSession('authjs.session-token=a', decode, REMEMBER_SECONDS * 1000);
    expect(runs()).toBe(2);
  });

  it('never answers one cookie with another’s session', async () => {
    const a = decoder({ user: 'a' });
    const b = decoder({ user: 'b' });
    expect(await rememberedSession('authjs.session-token=a', a.decode, 0)).toEqual({ user: 'a' });
    expect(await rememberedSession('authjs.session-token=b', b.decode, 0)).toEqual({ user: 'b' });
    expect(await rememberedSession('authjs.session-token=a', a.decode, 1)).toEqual({ user: 'a' });
    expect([a.runs(), b.runs()]).toEqual([1, 1]);
  });

  it('keeps no answer for a cookie that decodes to no session, or whose decode failed', async () => {
    const none = decoder(null);
    expect(await rememberedSession('authjs.session-token=bad', none.decode, 0)).toBeNull();
    expect(await rememberedSession('authjs.session-token=bad', none.decode, 1)).toBeNull();
    expect(none.runs()).toBe(2);

    let fails = 0;
    const failing = () => (++fails, Promise.reject(new Error('database down')));
    await expect(rememberedSession('authjs.session-token=c', failing, 0)).rejects.toThrow('database down');
    const { decode, runs } = decoder();
    expect(await rememberedSession('authjs.session-token=c', decode, 1)).toEqual({ user: 'u1' });
    expect([fails, runs()]).toEqual([1, 1]);
  });

  it('shares one decode between requests asking at once', async () => {
    const { decode, runs } = decoder();
    await Promise.all(Array.from({ length: 5 }, () => rememberedSession('authjs.session-token=a', decode, 0)));
    expect(runs()).toBe(1);
  });

  it('keeps at most MAX_SESSIONS, dropping the least recently used', async () => {
    const { decode, runs } = decoder();
    for (let i = 0; i < MAX_SESSIONS; i++) await rememberedSession(`t=${i}`, decode, 0);
    await rememberedSession('t=0', decode, 1); // used again: now the most recent
    await rememberedSession('t=new', decode, 1); // drops t=1
    const before = runs();
    await rememberedSession('t=0', decode, 2);
    expect(runs()).toBe(before);
    await rememberedSession('t=1', decode, 2);
    expect(runs()).toBe(before + 1);
  });
});

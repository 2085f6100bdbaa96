import { describe, expect, it } from 'vitest';
import { admitted, Gate } from './admission';

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('API admission control', () => {
  it('runs at most the limit at once and admits the waiting in order', async () => {
    const gate = new Gate(2);
    let active = 0;
    let most = 0;
    const order: number[] = [];
    const handler = admitted(
      async (n: number) => {
        active += 1;
        most = Math.max(most, active);
        await later(20);
        active -= 1;
        order.push(n);
        return new Response(String(n));
      },
      { gate, waitMs: 5_000 },
    );
    const responses = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => handler(n)));
    expect(most).toBe(2);
    expect(await Promise.all(responses.map((r) => r.text()))).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(order.slice(2)).toEqual([3, 4, 5, 6]);
    expect(gate.running).toBe(0);
    expect(gate.queued).toBe(0);
  });

  it('answers 503 with Retry-After when a call waits too long, and frees its slot when a handler throws', async () => {
    const gate = new Gate(1);
    const slow = admitted(
      async () => {
        await later(200);
        return new Response('slow');
      },
      { gate, waitMs: 50 },
    );
    const [first, second] = await Promise.all([slow(), slow()]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(503);
    expect(second.headers.get('retry-after')).toBe('5');
    expect(gate.queued).toBe(0);

    const failing = admitted(
      async () => {
        throw new Error('boom');
      },
      { gate, waitMs: 50 },
    );
    await expect(failing()).rejects.toThrow('boom');
    expect(gate.running).toBe(0);
  });

  it('lets the waiting through at once when flushed, without taking slots', async () => {
    const gate = new Gate(1);
    expect(await gate.enter(1_000)).toBe('slot');
    const waiting = [gate.enter(1_000), gate.enter(1_000)];
    gate.flush();
    expect(await Promise.all(waiting)).toEqual(['bypass', 'bypass']);
    expect(gate.running).toBe(1);
    gate.leave();
    expect(gate.running).toBe(0);
  });

  // Last: a deadline marks the database as failing, which lets later calls skip the gate for 10 s.
  it('answers 503 when a handler never settles, and frees its slot', async () => {
    const gate = new Gate(1);
    const stuck = admitted(() => new Promise<Response>(() => {}), { gate, waitMs: 1_000, deadlineMs: 50 });
    const response = await stuck();
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(gate.running).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { createActor, setup } from 'xstate';
import { SimClock } from './simClock.ts';

describe('SimClock', () => {
  it('runs callbacks in (due, seq) order and now() is each callback’s own due time', () => {
    const c = new SimClock();
    const seen: string[] = [];
    c.after(3000, () => seen.push(`c@${c.now()}`));
    c.after(1000, () => seen.push(`a@${c.now()}`));
    c.after(1000, () => seen.push(`b@${c.now()}`));
    c.runUntil(10_000);
    expect(seen).toEqual(['a@1000', 'b@1000', 'c@3000']);
    expect(c.now()).toBe(10_000);
  });

  it('breaks ties by scheduling order even when scheduled from inside a callback', () => {
    // DESIGN §2.4: a `sleep 30` started at 75 ends before a tick for 105 scheduled at 100.
    const c = new SimClock();
    const seen: string[] = [];
    c.at(75_000, () => c.after(30_000, () => seen.push('sleep-end')));
    c.at(100_000, () => c.after(5_000, () => seen.push('tick')));
    c.runUntil(200_000);
    expect(seen).toEqual(['sleep-end', 'tick']);
  });

  it('cancels timers and fires self-rearming loops once per period (no big-step pitfall)', () => {
    const c = new SimClock();
    let n = 0;
    const loop = () => {
      n++;
      c.after(1000, loop);
    };
    c.after(1000, loop);
    const id = c.after(500, () => (n += 1000));
    c.cancel(id);
    c.runUntil(10_000);
    expect(n).toBe(10);
  });

  it('drives XState `after` delays in simulated time', () => {
    const m = setup({}).createMachine({
      initial: 'a',
      states: { a: { after: { 2500: 'b' } }, b: {} },
    });
    const c = new SimClock();
    const actor = createActor(m, { clock: c }).start();
    c.runUntil(2499);
    expect(actor.getSnapshot().value).toBe('a');
    c.runUntil(2500);
    expect(actor.getSnapshot().value).toBe('b');
  });

  it.each([
    // [limit, untilMs, reached, now after]: a run stopped by the event limit stays at its last event.
    [Infinity, 10_000, true, 10_000],
    [3, 10_000, false, 3_000],
    [10, 10_000, true, 10_000],
    [10, 5_500, true, 5_500],
  ])('runUntil with limit %s to %s: reached %s, now %s', (limit, untilMs, reached, now) => {
    const c = new SimClock();
    const loop = () => c.after(1000, loop);
    c.after(1000, loop);
    c.limit = limit;
    expect(c.runUntil(untilMs)).toBe(reached);
    expect(c.now()).toBe(now);
  });

  it('a timer that cancels itself while it runs leaves nothing behind; later timers still run', () => {
    const c = new SimClock();
    const ran: number[] = [];
    const id: number = c.after(10, () => {
      ran.push(c.now());
      c.cancel(id);
    });
    c.after(20, () => ran.push(c.now()));
    c.runUntil(100);
    expect(ran).toEqual([10, 20]);
    expect((c as unknown as { cancelled: Set<number> }).cancelled.size).toBe(0);
  });
});

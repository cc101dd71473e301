import { describe, expect, it } from 'vitest';
import { SimClock } from '../clock/simClock.ts';
import { runTask, Signal, waitAny, type Task } from './task.ts';

describe('runTask', () => {
  it('resumes after delays and signals, in simulated time', () => {
    const c = new SimClock();
    const sig = new Signal();
    const log: number[] = [];
    function* t(): Task<string> {
      yield { ms: 1000 };
      log.push(c.now());
      yield waitAny(c, [sig.register], 5000);
      log.push(c.now());
      yield waitAny(c, [sig.register]); // already fired → continues synchronously
      log.push(c.now());
      return 'ok';
    }
    let out = '';
    runTask(c, t(), (v) => (out = v));
    c.at(3000, () => sig.fire());
    c.runUntil(10_000);
    expect(log).toEqual([1000, 3000, 3000]);
    expect(out).toBe('ok');
  });

  it('times out a wait and can be cancelled', () => {
    const c = new SimClock();
    const sig = new Signal();
    const log: number[] = [];
    function* t(): Task<void> {
      yield waitAny(c, [sig.register], 2000);
      log.push(c.now());
      yield { ms: 1000 };
      log.push(c.now());
    }
    const h = runTask(c, t(), () => log.push(-1));
    c.runUntil(2500);
    h.cancel();
    c.runUntil(10_000);
    expect(log).toEqual([2000]);
    expect(h.done).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { createScheduler } from './scheduler.ts';

describe('createScheduler', () => {
  it('runs at once when idle and delivers the result', () => {
    const posted: [number, string][] = [];
    const s = createScheduler<{ id: number }>((id, text) => posted.push([id, text]));
    const id = s.submit('a');
    expect(posted).toEqual([[id, 'a']]);
    expect(s.receive({ id })).toEqual({ id });
    expect(s.busy).toBe(false);
  });

  it('collapses edits made during a run and drops the stale result', () => {
    const posted: [number, string][] = [];
    const s = createScheduler<{ id: number }>((id, text) => posted.push([id, text]));
    const a = s.submit('a');
    s.submit('ab');
    const c = s.submit('abc');
    expect(posted).toHaveLength(1);
    expect(s.receive({ id: a })).toBeUndefined();
    expect(posted[1]).toEqual([c, 'abc']);
    expect(s.receive({ id: c })).toEqual({ id: c });
  });

  it('ignores results it is not waiting for', () => {
    const s = createScheduler<{ id: number }>(() => undefined);
    s.submit('a');
    expect(s.receive({ id: 99 })).toBeUndefined();
    expect(s.busy).toBe(true);
  });
});

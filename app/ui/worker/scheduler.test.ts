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

  describe('a long run streamed (partial result first)', () => {
    type Out = { id: number; partialOf?: number };
    const setup = (cancel?: (id: number) => boolean) => {
      const posted: [number, string][] = [];
      const s = createScheduler<Out>(
        (id, text) => posted.push([id, text]),
        cancel ? { cancel } : {},
      );
      return { posted, s };
    };

    it('delivers the partial, keeps the run in flight, then delivers the final', () => {
      const { posted, s } = setup();
      const a = s.submit('a');
      expect(s.receive({ id: a, partialOf: 3600 })).toEqual({ id: a, partialOf: 3600 });
      expect(s.busy).toBe(true);
      s.submit('ab');
      expect(posted).toHaveLength(1);
      expect(s.receive({ id: a })).toBeUndefined();
      expect(posted).toHaveLength(2);
    });

    it('final after partial: the final of the latest edit is delivered and the run ends', () => {
      const { s } = setup();
      const a = s.submit('a');
      s.receive({ id: a, partialOf: 3600 });
      expect(s.receive({ id: a })).toEqual({ id: a });
      expect(s.busy).toBe(false);
    });

    it('drops a stale partial (a newer edit is pending) and, without cancel, waits', () => {
      const { posted, s } = setup();
      const a = s.submit('a');
      const b = s.submit('ab');
      expect(s.receive({ id: a, partialOf: 3600 })).toBeUndefined();
      expect(posted).toHaveLength(1);
      expect(s.receive({ id: a })).toBeUndefined();
      expect(posted[1]).toEqual([b, 'ab']);
      expect(s.receive({ id: b, partialOf: 3600 })).toEqual({ id: b, partialOf: 3600 });
    });

    it('cancels a stale run once its partial is in, and sends the new edit at once', () => {
      const cancelled: number[] = [];
      const { posted, s } = setup((id) => (cancelled.push(id), true));
      const a = s.submit('a');
      const b = s.submit('ab');
      // Before its partial the run is short so far: no cancel yet.
      expect(cancelled).toEqual([]);
      expect(s.receive({ id: a, partialOf: 3600 })).toBeUndefined();
      expect(cancelled).toEqual([a]);
      expect(posted[1]).toEqual([b, 'ab']);
      // The cancelled run's late messages are ignored.
      expect(s.receive({ id: a })).toBeUndefined();
      expect(s.receive({ id: b, partialOf: 3600 })).toEqual({ id: b, partialOf: 3600 });
      // An edit while the rest of b computes replaces it right away.
      const c = s.submit('abc');
      expect(cancelled).toEqual([a, b]);
      expect(posted[2]).toEqual([c, 'abc']);
      expect(s.receive({ id: c })).toEqual({ id: c });
      expect(s.busy).toBe(false);
    });

    it('keeps waiting when the run cannot be cancelled', () => {
      const { posted, s } = setup(() => false);
      const a = s.submit('a');
      s.receive({ id: a, partialOf: 3600 });
      s.submit('ab');
      expect(posted).toHaveLength(1);
      expect(s.busy).toBe(true);
    });
  });
});

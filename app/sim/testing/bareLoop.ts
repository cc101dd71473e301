/**
 * The baseline the busy-pod budgets are ratios to (DESIGN §6): a bare binary-heap event loop doing
 * the same timer work as the engine — `timers` periodic timers (periods 1–3 s) firing `events`
 * callbacks in total — with nothing but a counter in each callback.
 */
interface BareTimer {
  due: number;
  seq: number;
  period: number;
}

function less(a: BareTimer, b: BareTimer): boolean {
  return a.due !== b.due ? a.due < b.due : a.seq < b.seq;
}

/** Runs the loop; returns the number of callbacks fired (always `events`). */
export function bareLoop(timers: number, events: number): number {
  const h: BareTimer[] = [];
  let seq = 0;
  const push = (t: BareTimer) => {
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  };
  const pop = (): BareTimer => {
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && less(h[l]!, h[m]!)) m = l;
        if (r < h.length && less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  };
  for (let i = 0; i < timers; i++) {
    const period = 1000 * (1 + (i % 3));
    push({ due: period, seq: ++seq, period });
  }
  let fired = 0;
  while (fired < events && h.length > 0) {
    const t = pop();
    fired++;
    push({ due: t.due + t.period, seq: ++seq, period: t.period });
  }
  return fired;
}

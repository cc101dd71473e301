/** The `machine` trace records grouped per actor, for "active state at t" lookups (pure). */
import type { SimResult } from '../../sim/trace/types.ts';
import { lowerBound } from '../timeline/model.ts';

export interface ActorStates {
  times: number[];
  states: string[];
}

const cache = new WeakMap<SimResult, Map<string, ActorStates>>();

export function machineStates(result: SimResult): Map<string, ActorStates> {
  let m = cache.get(result);
  if (m) return m;
  m = new Map();
  for (const r of result.trace) {
    if (r.type !== 'machine') continue;
    let a = m.get(r.actor);
    if (!a) m.set(r.actor, (a = { times: [], states: [] }));
    a.times.push(r.t);
    a.states.push(r.state);
  }
  cache.set(result, m);
  return m;
}

/** The latest state of `actor` at or before t. */
export function stateAt(a: ActorStates | undefined, t: number): string | undefined {
  if (!a) return undefined;
  const i = lowerBound(a.times, t + 1e-9) - 1;
  return i >= 0 ? a.states[i] : undefined;
}

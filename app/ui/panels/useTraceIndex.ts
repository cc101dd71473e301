/**
 * The trace index for the kubectl panels, built without a long main-thread task (DESIGN.md §6):
 * the first slice runs during render, so a seed example's index is there in the same frame; a
 * large run (1 h × 10 containers) continues in short slices between frames, and until it is done
 * the panels keep showing the previous run's index.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  startTraceIndex,
  type SimResult,
  type TraceIndex,
  type TraceIndexBuild,
} from '../../sim/trace/index.ts';

/** Work done inside the render that receives a new result. */
export const SYNC_BUDGET_MS = 8;
/** Work per later slice (leaves room in a 16 ms frame and stays far below a 50 ms long task). */
export const SLICE_BUDGET_MS = 6;

export interface IndexedResult {
  result: SimResult;
  idx: TraceIndex;
}

interface Pending {
  result: SimResult;
  build: TraceIndexBuild;
  done: TraceIndex | undefined;
}

function within(ms: number): () => boolean {
  const end = performance.now() + ms;
  return () => performance.now() >= end;
}

export function useTraceIndex(result: SimResult | undefined): IndexedResult | undefined {
  const pending = useMemo<Pending | undefined>(() => {
    if (!result) return undefined;
    const build = startTraceIndex(result, { prepareEvents: true });
    return { result, build, done: build.step(within(SYNC_BUDGET_MS)) };
  }, [result]);
  const [sliced, setSliced] = useState<IndexedResult | undefined>(undefined);

  useEffect(() => {
    if (!pending || pending.done) return;
    let timer = 0;
    const slice = () => {
      const idx = pending.build.step(within(SLICE_BUDGET_MS));
      if (idx) {
        pending.done = idx;
        setSliced({ result: pending.result, idx });
      } else timer = window.setTimeout(slice, 0);
    };
    timer = window.setTimeout(slice, 0);
    return () => window.clearTimeout(timer);
  }, [pending]);

  if (pending?.done) return { result: pending.result, idx: pending.done };
  // Still building: the last index finished in slices (an older run), if any.
  return sliced;
}

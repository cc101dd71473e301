/**
 * Runs the engine in a Web Worker on every edit (latest wins, stale results dropped) and keeps
 * the last valid run while the YAML is broken.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SimOutput } from './protocol.ts';
import { createScheduler, type Scheduler } from './scheduler.ts';

export interface SimulationState {
  /** The last run without errors (what the timeline shows). */
  valid: SimOutput | undefined;
  /** The newest run (its diagnostics drive the markers and the Problems list). */
  latest: SimOutput | undefined;
  /** The newest run failed: the timeline shows an older one. */
  stale: boolean;
  /** A newer edit is being simulated. */
  running: boolean;
}

export function useSimulation(text: string): SimulationState & { rerun(): void } {
  const [state, setState] = useState<SimulationState>({
    valid: undefined,
    latest: undefined,
    stale: false,
    running: true,
  });
  const sched = useRef<Scheduler<SimOutput> | null>(null);
  const textRef = useRef(text);

  useEffect(() => {
    const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), {
      type: 'module',
      name: 'podlab-sim',
    });
    const s = createScheduler<SimOutput>((id, t) => worker.postMessage({ id, text: t }));
    sched.current = s;
    worker.onmessage = (ev: MessageEvent<SimOutput>) => {
      const out = s.receive(ev.data);
      if (!out) return;
      setState((prev) => ({
        valid: out.ok ? out : prev.valid,
        latest: out,
        stale: !out.ok,
        running: false,
      }));
    };
    s.submit(textRef.current);
    return () => {
      worker.terminate();
      sched.current = null;
    };
  }, []);

  useEffect(() => {
    if (textRef.current === text) return;
    textRef.current = text;
    sched.current?.submit(text);
    setState((prev) => (prev.running ? prev : { ...prev, running: true }));
  }, [text]);

  const rerun = useCallback(() => {
    sched.current?.submit(textRef.current);
  }, []);

  return { ...state, rerun };
}

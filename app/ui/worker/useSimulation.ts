/**
 * Runs the engine in a Web Worker on every edit (latest wins, stale results dropped) and keeps
 * the last valid run while the YAML is broken. A run that takes longer than RUN_TIMEOUT_MS is
 * stopped (the worker is replaced) and reported as a failed run. A long run shows its partial
 * result (`valid.partialOf` set) until the full one arrives; a newer edit meanwhile replaces the
 * worker with a warm spare rather than waiting for the stale hour to finish.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { failedOutput, type SimOutput } from './protocol.ts';
import { RUN_WALL_BUDGET_MS } from '../../sim/trace/runStop.ts';
import { createScheduler, type Scheduler } from './scheduler.ts';

/** The same budget as the CLI's default `--max-wall`. */
export const RUN_TIMEOUT_MS = RUN_WALL_BUDGET_MS;

export interface SimulationState {
  /** The last run without errors (what the timeline shows). */
  valid: SimOutput | undefined;
  /** The newest run (its diagnostics drive the markers and the Problems list). */
  latest: SimOutput | undefined;
  /** The newest run failed: the timeline shows an older one. */
  stale: boolean;
  /** A newer edit is being simulated, or the rest of the run shown (`valid.partialOf` set). */
  running: boolean;
}

function timedOut(id: number): SimOutput {
  const error = `the simulation took longer than ${RUN_TIMEOUT_MS / 1000} s and was stopped`;
  return failedOutput(id, RUN_TIMEOUT_MS, error);
}

function startWorker(): Worker {
  return new Worker(new URL('./sim.worker.ts', import.meta.url), {
    type: 'module',
    name: 'podlab-sim',
  });
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
    let worker = startWorker();
    /** Started when a long run first streams, so a stale long run can be dropped without a cold start. */
    let spare: Worker | undefined;
    let timer = 0;
    const replaceWorker = () => {
      worker.terminate();
      worker = spare ?? startWorker();
      spare = undefined;
      attach(worker);
    };
    const onOutput = (data: SimOutput) => {
      const partial = data.partialOf !== undefined;
      if (!partial) window.clearTimeout(timer);
      else spare ??= startWorker();
      const out = s.receive(data);
      if (!out) return;
      setState((prev) => ({
        valid: out.ok ? out : prev.valid,
        latest: out,
        stale: !out.ok,
        running: partial,
      }));
    };
    const attach = (w: Worker) => {
      w.onmessage = (ev: MessageEvent<SimOutput>) => {
        if (w === worker) onOutput(ev.data);
      };
    };
    const s = createScheduler<SimOutput>(
      (id, t) => {
        window.clearTimeout(timer);
        timer = window.setTimeout(() => {
          replaceWorker();
          onOutput(timedOut(id));
        }, RUN_TIMEOUT_MS);
        worker.postMessage({ id, text: t });
      },
      {
        // A newer edit while the rest of a long run computes: that run is stale, stop it.
        cancel: () => {
          window.clearTimeout(timer);
          replaceWorker();
          return true;
        },
      },
    );
    attach(worker);
    sched.current = s;
    s.submit(textRef.current);
    return () => {
      window.clearTimeout(timer);
      worker.terminate();
      spare?.terminate();
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

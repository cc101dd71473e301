/**
 * Lifecycle hook handlers (kubelet `lifecycle/handlers.go`, reference §10): exec (fails on exit ≠ 0,
 * no timeout), httpGet (fails only on a transport error; the status code is ignored), sleep (fails
 * only if interrupted), tcpSocket (deprecated, no effect).
 */
import type { DefaultedContainer, DefaultedLifecycleHandler } from '../../../k8s/types.ts';
import type { Ms } from '../../clock/types.ts';
import { Signal, waitAny, type Task } from '../task.ts';
import type { PodWorker } from '../types.ts';
import type { Instance, Slot } from '../types.ts';

export interface HookOutcome {
  result: 'success' | 'failure' | 'abandoned';
  output: string;
}

/** Run a hook; stop waiting after `limitMs` (preStop is cut off at the grace period). */
export function* runHook(
  w: PodWorker,
  slot: Slot,
  inst: Instance,
  hook: 'postStart' | 'preStop',
  h: DefaultedLifecycleHandler,
  limitMs?: Ms,
): Task<HookOutcome> {
  const field = { doc: w.doc, path: `${slot.base}.lifecycle.${hook}` };
  const clock = w.env.clock;
  w.env.recorder.add({
    type: 'hook',
    pod: w.name,
    namespace: w.namespace,
    container: slot.name,
    hook,
    phase: 'start',
    cause: { message: `${hook} hook of ${slot.name}`, field },
  });
  let out: HookOutcome | undefined;
  const finish = (o: HookOutcome) => {
    w.env.recorder.add({
      type: 'hook',
      pod: w.name,
      namespace: w.namespace,
      container: slot.name,
      hook,
      phase: 'end',
      result: o.result,
      ...(o.output ? { output: o.output } : {}),
    });
    return o;
  };
  if (h.exec) {
    const finished = new Signal();
    const handle = inst.proc.exec(
      h.exec.command ?? [],
      { field: { ...field, path: `${field.path}.exec.command` } },
      (r) => {
        // handlers.go: RunInContainer's error (a non-zero exit, or an exec that could not start at
        // all: binary missing, container stopped — ExecResult.startError) is a hook failure.
        out = {
          result: r.exitCode === 0 && !r.startError ? 'success' : 'failure',
          output: r.output,
        };
        finished.fire();
      },
    );
    if (!out) yield waitAny(clock, [finished.register, inst.exited.register], limitMs);
    if (!out) {
      handle.cancel();
      return finish(
        limitMs === undefined
          ? { result: 'failure', output: 'container exited before the hook finished' }
          : { result: 'abandoned', output: '' },
      );
    }
    return finish(out);
  }
  if (h.httpGet) {
    const p = resolveHookPort(h.httpGet.port, slot.spec);
    if ('error' in p) return finish({ result: 'failure', output: p.error });
    const host = h.httpGet.host || w.podIP || '';
    const r = w.sandbox?.httpGet({ host, port: p.port, path: h.httpGet.path });
    if (!r || !r.ok)
      return finish({
        result: 'failure',
        output: `Get "http://${host}:${p.port}${h.httpGet.path}": ${r && !r.ok ? r.error : 'no sandbox'}`,
      });
    return finish({ result: 'success', output: '' });
  }
  if (h.sleep) {
    const ms = h.sleep.seconds * 1000;
    const start = clock.now();
    yield waitAny(
      clock,
      [inst.exited.register],
      limitMs === undefined ? ms : Math.min(ms, limitMs),
    );
    if (clock.now() - start >= ms) return finish({ result: 'success', output: '' });
    if (inst.exited.fired)
      return finish({
        result: 'failure',
        output: 'container terminated before sleep hook finished',
      });
    return finish({ result: 'abandoned', output: '' });
  }
  return finish({ result: 'success', output: '' });
}

/**
 * A hook's port (`lifecycle/handlers.go` resolvePort): a number, a numeric string, or a named port;
 * otherwise `couldn't find port: …` (upstream prints the whole container struct after `in`).
 */
export function resolveHookPort(
  port: number | string | undefined,
  container: DefaultedContainer,
): { port: number } | { error: string } {
  if (typeof port === 'number') return { port };
  if (port === undefined) return { error: 'port is required' };
  if (/^\d+$/.test(port)) return { port: parseInt(port, 10) };
  const found = (container.ports ?? []).find((p) => p.name === port);
  if (!found) return { error: `couldn't find port: ${port} in ${container.name}` };
  return { port: found.containerPort };
}

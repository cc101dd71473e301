/**
 * A probe worker (kubelet `prober/worker.go` `run` + `doProbe`): a plain scheduled callback per
 * (container, probe type), phase-locked to pod admission (ticks at t_admit + k·period). It is kept
 * out of the statecharts: only a *published* result change reaches the kubelet (`host.publish`).
 */
import type {
  DefaultedContainer as Container,
  DefaultedProbe as Probe,
} from '../../../k8s/types.ts';
import type { Ms, Scheduler, TimerId } from '../../clock/types.ts';
import type { TraceInput } from '../../clock/recorder.ts';
import type { ContainerStatus, ProbeType } from '../../trace/types.ts';
import type { ContainerProcess, PodSandbox } from '../../runtime/types.ts';
import { ProbeRunner, type ProbeOutcome, type ProbeTarget } from './prober.ts';
import { ResultsManager, type ProbeResultValue } from './results/resultsManager.ts';

/** What a worker sees of the kubelet: the status manager's view plus the runtime handles. */
export interface ProbeHost {
  scheduler: Scheduler;
  /** Schedule in the clock's late lane (after everything else due at that ms). */
  late(dueMs: Ms, fn: () => void): TimerId;
  pod: string;
  namespace: string;
  doc: number;
  podPhase(): string;
  deleting(): boolean;
  /** The kubelet is down (node lost): the ticker keeps its phase but no probe runs. */
  paused(): boolean;
  restartPolicy(): string;
  status(container: string): ContainerStatus | undefined;
  process(container: string): ContainerProcess | undefined;
  sandbox(): PodSandbox | undefined;
  podIP(): string;
  record(r: TraceInput): void;
  /** The hot-path probe record of one worker (a repeated result without output). */
  probeSink(
    container: string,
    type: ProbeType,
  ): (result: 'success' | 'failure' | 'warning') => void;
  event(type: 'Normal' | 'Warning', reason: string, message: string, container: string): void;
  /** The results manager changed (kubelet `syncLoopIteration` on *Manager.Updates()). */
  publish(container: string, type: ProbeType, result: ProbeResultValue): void;
}

const initialValue: Record<ProbeType, ProbeResultValue> = {
  readiness: 'Failure',
  liveness: 'Success',
  startup: 'Unknown',
};
const title: Record<ProbeType, string> = {
  readiness: 'Readiness',
  liveness: 'Liveness',
  startup: 'Startup',
};

export class ProbeWorker {
  readonly results = new ResultsManager();
  private containerID = '';
  private onHold = false;
  private lastResult: ProbeResultValue | undefined;
  private resultRun = 0;
  private timer: TimerId | undefined;
  private stopped = false;
  private inFlight = false;
  private triggeredAt: number | undefined;
  private readonly periodMs: Ms;
  private readonly runner: ProbeRunner;
  private readonly target: ProbeTarget;
  private readonly tickFn = () => this.tick();
  private attemptID = '';
  private readonly recordProbe: (result: 'success' | 'failure' | 'warning') => void;
  private readonly doneFn = (o: ProbeOutcome) => {
    this.inFlight = false;
    if (!this.stopped && this.attemptID === this.containerID) this.count(o);
  };

  constructor(
    private readonly host: ProbeHost,
    readonly container: Container,
    readonly type: ProbeType,
    private readonly probe: Probe,
    /** e.g. `spec.containers[0]` */
    private readonly base: string,
  ) {
    this.periodMs = Math.max(1, probe.periodSeconds) * 1000;
    this.recordProbe = host.probeSink(container.name, type);
    const field = { doc: host.doc, path: `${base}.${type}Probe` };
    this.runner = new ProbeRunner(probe, container, field);
    this.target = {
      container,
      process: undefined,
      sandbox: undefined,
      podIP: '',
      scheduler: host.scheduler,
      field,
    };
  }

  /** Start now (pod admission): one doProbe at once, then the ticker. */
  start(): void {
    this.tick();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.host.scheduler.cancel(this.timer);
    this.timer = undefined;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Published result for the container's current ID (undefined before the first ID). */
  current(): ProbeResultValue | undefined {
    return this.containerID ? this.results.get(this.containerID) : undefined;
  }

  /**
   * Manual readiness trigger with ticker reset (worker.go run: `case <-w.manualTriggerCh`). The
   * channel holds one message and the worker drains it within milliseconds, so the several status
   * generations of one instant (a sync writes status when it starts and when it ends) give one run.
   */
  trigger(): void {
    if (this.stopped) return;
    const now = this.host.scheduler.now();
    if (this.triggeredAt === now) return;
    this.triggeredAt = now;
    if (this.timer !== undefined) this.host.scheduler.cancel(this.timer);
    this.timer = undefined;
    this.tick();
  }

  /**
   * Arm the next tick in the clock's late lane, so whatever else happens at that instant (a PLEG
   * relist, a process's `sleep` ending) runs first (DESIGN §2.4).
   */
  private arm(): void {
    this.timer = this.host.late(this.host.scheduler.now() + this.periodMs, this.tickFn);
  }

  private tick(): void {
    if (this.stopped) return;
    this.arm();
    if (this.host.paused()) return;
    // Go tickers drop ticks that arrive while the worker is busy with a slow probe.
    if (this.inFlight) return;
    if (!this.doProbe()) this.stop();
  }

  private set(result: ProbeResultValue): void {
    if (this.results.set(this.containerID, result))
      this.host.publish(this.container.name, this.type, result);
  }

  /** `doProbe`, in the order of kubelet-container §7.2. Returns false to stop the worker. */
  private doProbe(): boolean {
    const h = this.host;
    const phase = h.podPhase();
    if (phase === 'Succeeded' || phase === 'Failed') return false; // 1
    const c = h.status(this.container.name);
    if (!c?.containerID) return true; // 2
    if (c.containerID !== this.containerID) {
      // 3: a new instance; resultRun/lastResult are deliberately not reset.
      if (this.containerID) this.results.remove(this.containerID);
      this.containerID = c.containerID;
      this.set(initialValue[this.type]);
      this.onHold = false;
    }
    if (this.onHold) return true; // 4
    if (!('running' in c.state)) {
      // 5
      this.set('Failure');
      return !('terminated' in c.state) || h.restartPolicy() !== 'Never';
    }
    if (h.deleting() && (this.type === 'liveness' || this.type === 'startup')) {
      // 6: quiet shutdown
      this.set('Success');
      return false;
    }
    const elapsedS = Math.floor(h.scheduler.now() / 1000 - c.state.running.startedAt + 1e-9);
    if (elapsedS < this.probe.initialDelaySeconds) return true; // 7 (truncated)
    if (c.started) {
      if (this.type === 'startup') return true; // 8
    } else if (this.type !== 'startup') return true;
    this.attemptID = this.containerID;
    this.inFlight = true;
    const t = this.target;
    t.process = h.process(this.container.name);
    t.sandbox = h.sandbox();
    t.podIP = h.podIP();
    this.runner.run(t, this.doneFn);
    return true;
  }

  /** Step 9: worker.go doProbe throws an errored result away (recorded, never counted). */
  private errored(output: string): void {
    const h = this.host;
    const name = this.container.name;
    h.record({
      type: 'probe',
      pod: h.pod,
      namespace: h.namespace,
      container: name,
      probe: this.type,
      result: 'error',
      output,
    });
    // prober.go probe: an error is recorded with the result it produced (always Unknown here).
    h.event(
      'Warning',
      'Unhealthy',
      `${title[this.type]} probe errored and resulted in unknown state: ${output}`,
      name,
    );
  }

  /** Steps 9–11: discard errors, count runs, publish at the thresholds, hold. */
  private count(o: ProbeOutcome): void {
    const h = this.host;
    const name = this.container.name;
    const kind = title[this.type];
    if (o.result === 'error') return this.errored(o.output);
    if (o.result === 'failure')
      h.event('Warning', 'Unhealthy', `${kind} probe failed: ${o.output.trim()}`, name);
    if (o.result === 'warning')
      h.event('Warning', 'ProbeWarning', `${kind} probe warning: ${o.output}`, name);
    const result: ProbeResultValue = o.result === 'failure' ? 'Failure' : 'Success';
    if (this.lastResult === result) this.resultRun++;
    else {
      this.lastResult = result;
      this.resultRun = 1;
    }
    const failureThreshold = this.probe.failureThreshold;
    const successThreshold = this.probe.successThreshold;
    const below =
      (result === 'Failure' && this.resultRun < failureThreshold) ||
      (result === 'Success' && this.resultRun < successThreshold);
    const changed = !below && this.results.get(this.containerID) !== result;
    const run = this.resultRun;
    if (!below && (this.type === 'startup' || (this.type === 'liveness' && result === 'Failure'))) {
      this.onHold = true; // 11
      this.resultRun = 0;
    }
    if (!changed && !o.output) {
      // the hot path: a repeated result
      this.recordProbe(o.result);
    } else {
      h.record({
        type: 'probe',
        pod: h.pod,
        namespace: h.namespace,
        container: name,
        probe: this.type,
        result: o.result,
        ...(o.output ? { output: o.output } : {}),
        ...(changed
          ? {
              published: result as 'Success' | 'Failure',
              cause:
                result === 'Failure'
                  ? {
                      message: `${this.type}Probe failed ${run} time${run === 1 ? '' : 's'} in a row (failureThreshold ${failureThreshold})`,
                      field: {
                        doc: h.doc,
                        path: `${this.base}.${this.type}Probe.failureThreshold`,
                      },
                    }
                  : {
                      message: `${this.type}Probe succeeded ${run} time${run === 1 ? '' : 's'} in a row (successThreshold ${successThreshold})`,
                      field: {
                        doc: h.doc,
                        path: `${this.base}.${this.type}Probe.successThreshold`,
                      },
                    },
            }
          : {}),
      });
    }
    if (!below) this.set(result);
  }
}

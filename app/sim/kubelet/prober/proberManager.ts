/**
 * The probe manager (kubelet `prober/prober_manager.go`): one worker per (container, probe type)
 * for regular containers and sidecars, created when the pod is added (order startup, readiness,
 * liveness); readiness manual triggers; StopLivenessAndStartup on termination.
 */
import type { DefaultedContainer as Container } from '../../../k8s/types.ts';
import type { ProbeType } from '../../trace/types.ts';
import type { ProbeResultValue } from './results/resultsManager.ts';
import { ProbeWorker, type ProbeHost } from './worker.ts';

export interface ProbedContainer {
  container: Container;
  /** e.g. `spec.initContainers[1]` */
  base: string;
}

const order: ProbeType[] = ['startup', 'readiness', 'liveness'];

export class ProbeManager {
  private workers = new Map<string, ProbeWorker>();

  constructor(private readonly host: ProbeHost) {}

  private key(container: string, type: ProbeType) {
    return `${container}/${type}`;
  }

  /** `AddPod`: create and start the workers. */
  addPod(containers: ProbedContainer[]): void {
    for (const { container, base } of containers) {
      for (const type of order) {
        const probe = container[`${type}Probe`];
        if (!probe) continue;
        const w = new ProbeWorker(this.host, container, type, probe, base);
        this.workers.set(this.key(container.name, type), w);
      }
    }
    for (const w of this.workers.values()) w.start();
  }

  has(container: string, type: ProbeType): boolean {
    return this.workers.has(this.key(container, type));
  }

  /** The published result for a container instance (results manager `Get(containerID)`). */
  result(container: string, type: ProbeType, containerID: string): ProbeResultValue | undefined {
    return this.workers.get(this.key(container, type))?.results.get(containerID);
  }

  /** Manual readiness trigger (UpdatePodStatus → worker.manualTriggerCh, with ticker reset). */
  triggerReadiness(container: string): void {
    this.workers.get(this.key(container, 'readiness'))?.trigger();
  }

  stopLivenessAndStartup(): void {
    for (const w of this.workers.values()) if (w.type !== 'readiness') w.stop();
  }

  stopAll(): void {
    for (const w of this.workers.values()) w.stop();
  }
}

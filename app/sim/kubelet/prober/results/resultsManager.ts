/**
 * The probe results cache (kubelet `prober/results/results_manager.go`): one published result per
 * container ID and probe type. `set` reports whether the value changed; only changes are updates.
 */
export type ProbeResultValue = 'Success' | 'Failure' | 'Unknown';

export class ResultsManager {
  private results = new Map<string, ProbeResultValue>();

  get(containerID: string): ProbeResultValue | undefined {
    return this.results.get(containerID);
  }

  /** Returns true when the cached value changed (`setInternal`). */
  set(containerID: string, result: ProbeResultValue): boolean {
    const prev = this.results.get(containerID);
    if (prev === result) return false;
    this.results.set(containerID, result);
    return true;
  }

  remove(containerID: string): void {
    this.results.delete(containerID);
  }
}

/**
 * Static pods on the cluster's side (reference cluster.md §4): a manifest placed in a node's
 * staticPodPath is run by that node's kubelet at once (the inotify model, M4.1), never scheduled;
 * the API sees it only through its mirror pod (M4.3), which admission may refuse (M4.4). Deleting
 * the mirror pod deletes nothing that runs: the kubelet creates a new mirror at once (M4.5,
 * kubelet_pods.go HandlePodCleanups / mirror_client.go). Removing the manifest stops the pod like
 * a deletion; housekeeping deletes the mirror 2 s after its containers stopped (M4.6).
 */
import type { DefaultedPod, SourceObject } from '../../k8s/types.ts';
import type { Recorder } from '../clock/recorder.ts';
import type { SimClock } from '../clock/simClock.ts';
import type { PodWorker } from '../kubelet/types.ts';
import { mirrorPodOf, mirrorRefusal, staticPodFromManifest } from '../kubelet/staticPods.ts';
import type { PendingPod } from './scheduling.ts';

/** The cluster's pod key (cluster.ts `key`): always NAMESPACE/NAME. */
const podKey = (ns: string, name: string) => `${ns}/${name}`;

export interface StaticHost {
  readonly clock: SimClock;
  readonly recorder: Recorder;
  nodeUID(node: string): string | undefined;
  pod(key: string): PodWorker | undefined;
  /** The node's kubelet admits and runs the pod (no scheduler). */
  run(p: PendingPod, node: string): void;
}

interface Entry {
  node: string;
  pod: DefaultedPod;
  /** The mirror pod was admitted (false: refused, the pod runs invisible to the API). */
  mirrored: boolean;
  generation: number;
}

export class StaticPods {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly h: StaticHost) {}

  /** The manifest appears on `node`; returns why nothing happened, or a warning, or undefined. */
  place(src: SourceObject, node: string): { error?: string; warning?: string } {
    if (this.h.nodeUID(node) === undefined) return { error: `nodes "${node}" not found` };
    const manifest = src.object as DefaultedPod;
    const pod = staticPodFromManifest(manifest, node, this.h.clock.now());
    const name = pod.metadata.name;
    const ns = pod.metadata.namespace;
    const k = podKey(ns, name);
    const running = this.h.pod(k);
    if (running && running.lifecycle !== 'deleted')
      return { error: `the static pod ${name} is already in the manifest directory of ${node}` };
    const refusal = mirrorRefusal(pod, node);
    const entry: Entry = { node, pod, mirrored: refusal === undefined, generation: 0 };
    this.entries.set(k, entry);
    if (entry.mirrored) this.recordMirror(entry, src.doc);
    this.h.run({ key: k, name, namespace: ns, pod, doc: src.doc }, node);
    return refusal
      ? {
          warning: `the kubelet runs the static pod, but the API server refused its mirror pod (Failed creating a mirror pod): ${refusal}`,
        }
      : {};
  }

  /** The manifest file is removed: the kubelet stops the pod. */
  remove(manifestName: string, ns: string, node: string): string | undefined {
    const k = podKey(ns, `${manifestName}-${node.toLowerCase()}`);
    const w = this.h.pod(k);
    if (!this.entries.has(k) || !w || w.lifecycle === 'deleted')
      return `no static pod ${manifestName} in the manifest directory of ${node}`;
    w.removeStatic();
    return undefined;
  }

  isStatic(ns: string, name: string): boolean {
    return this.entries.has(podKey(ns, name));
  }

  /**
   * `kubectl delete pod NAME-NODE`: the API deletes the mirror; the kubelet sees a static pod
   * without one and creates a new mirror in the same instant (new UID, AGE from 0), its containers
   * untouched. Returns false when `name` is not a mirror pod.
   */
  mirrorDeleted(ns: string, name: string): boolean {
    const k = podKey(ns, name);
    const e = this.entries.get(k);
    const w = this.h.pod(k);
    if (!e || !e.mirrored || !w || w.lifecycle === 'deleted') return false;
    this.h.recorder.add({ type: 'object.deleted', kind: 'Pod', name, namespace: ns });
    e.generation++;
    this.recordMirror(e, w.doc);
    // The status manager syncs the whole status to the new mirror pod.
    w.republishStatus();
    return true;
  }

  private recordMirror(e: Entry, doc: number): void {
    const object = mirrorPodOf(e.pod, this.h.nodeUID(e.node) ?? '', e.generation);
    this.h.recorder.add({
      type: 'object.applied',
      source: {
        kind: 'Pod',
        name: e.pod.metadata.name,
        namespace: e.pod.metadata.namespace,
        doc,
        object,
      },
    });
  }
}

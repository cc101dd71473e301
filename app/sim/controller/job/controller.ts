/**
 * The Job controller, after k/k pkg/controller/job/job_controller.go syncJob, manageJob,
 * trackJobStatusAndRemoveFinalizers, enactJobFinished and recordJobFinished (reference cluster.md
 * W3.19–W3.25). The pod tracking finalizer is modelled by the set of pods already counted: a pod
 * the controller has seen stays visible to it (as deleted) until it is counted, like a pod the
 * finalizer holds.
 */
import { cloneJson } from '../../../k8s/json.ts';
import type { DefaultedPod } from '../../../k8s/types.ts';
import {
  BURST_REPLICAS,
  comparePodsForDeletion,
  generateName,
  isPodActive,
  SLOW_START_INITIAL_BATCH_SIZE,
  slowStartBatch,
} from '../controller_utils.ts';
import type { ControllerHost, CtlPod, JobCondition, JobObject } from '../types.ts';
import { newBackoffRecord, remainingTime, type BackoffRecord } from './backoff.ts';
import { matchPodFailurePolicy } from './podFailurePolicy.ts';

const SOURCE = 'job-controller';
export const COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';
/** names.go maxGeneratedNameLength. */
const MAX_GENERATED = 58;

/** What differs by release (reference cluster.md §3.8). */
export interface JobFeatures {
  /** delayTerminalCondition (1.31+): FailureTarget / SuccessCriteriaMet before Failed / Complete. */
  delayTerminal: boolean;
  /** newSuccessCondition's CompletionsReached reason (1.32+). */
  completionsReason: boolean;
}

export function jobFeatures(minor: number): JobFeatures {
  return { delayTerminal: minor >= 31, completionsReason: minor >= 32 };
}

const isTrue = (j: JobObject, type: string) =>
  j.status.conditions.some((c) => c.type === type && c.status === 'True');

export function isJobFinished(j: JobObject): boolean {
  return isTrue(j, 'Complete') || isTrue(j, 'Failed');
}

const indexOf = (p: CtlPod): number | undefined => {
  const v = p.annotations[COMPLETION_INDEX];
  return v !== undefined && /^[0-9]+$/.test(v) ? Number(v) : undefined;
};

/** orderedIntervals.String: "0-2,5". */
export function formatIndexes(ix: ReadonlySet<number>): string {
  const sorted = [...ix].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] ?? 0) === (sorted[j] ?? 0) + 1) j++;
    out.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return out.join(',');
}

interface SyncCtx {
  job: JobObject;
  pods: CtlPod[];
  active: CtlPod[];
  succeeded: number;
  terminating: number;
  finished?: JobCondition;
  backoff: BackoffRecord;
  succeededIdx: Set<number>;
}

export class JobController {
  private seq = new Map<string, number>();
  private readonly backoffs = new Map<string, BackoffRecord>();
  /** The pods each Job has counted (their tracking finalizer removed). */
  private readonly counted = new Map<string, Set<string>>();
  /** The last view of every pod each Job has seen and not counted yet. */
  private readonly held = new Map<string, Map<string, CtlPod>>();
  private readonly succeededIdx = new Map<string, Set<number>>();

  constructor(
    private readonly host: ControllerHost,
    private readonly features: JobFeatures,
    /** enqueueSyncJobWithDelay / AddAfter. */
    private readonly enqueue: (j: JobObject, seconds: number) => void,
  ) {}

  private condition(type: string, reason: string, message: string): JobCondition {
    const now = this.host.now();
    return { type, status: 'True', reason, message, lastProbeTime: now, lastTransitionTime: now };
  }

  private failure(reason: string, message: string): JobCondition {
    return this.condition(
      this.features.delayTerminal ? 'FailureTarget' : 'Failed',
      reason,
      message,
    );
  }

  private success(): JobCondition {
    const type = this.features.delayTerminal ? 'SuccessCriteriaMet' : 'Complete';
    return this.features.completionsReason
      ? this.condition(type, 'CompletionsReached', 'Reached expected number of succeeded pods')
      : this.condition(type, '', '');
  }

  /** getPodsForJob: the owned pods, plus those held by the modelled tracking finalizer. */
  private podsOf(j: JobObject): CtlPod[] {
    const live = this.host.pods(j.namespace).filter((p) => p.ownerUid === j.uid);
    const held = this.held.get(j.uid) ?? new Map<string, CtlPod>();
    this.held.set(j.uid, held);
    const counted = this.counted.get(j.uid) ?? new Set<string>();
    const liveUids = new Set(live.map((p) => p.uid));
    const gone = [...held.values()].filter((p) => !liveUids.has(p.uid));
    for (const p of live) if (!counted.has(p.uid)) held.set(p.uid, p);
    // A pod gone from the API before it was counted: deleted (isPodFailed unless Succeeded).
    return [...live, ...gone.map((p) => ({ ...p, deleting: true, gone: true }))];
  }

  private isPodFailed(j: JobObject, p: CtlPod): boolean {
    if (p.phase === 'Failed') return true;
    // onlyReplaceFailedPods: podReplacementPolicy Failed, the default with a podFailurePolicy.
    if (j.spec.podFailurePolicy) return false;
    return p.deleting && p.phase !== 'Succeeded';
  }

  /** One syncJob. Returns whether the status changed. */
  sync(j: JobObject): boolean {
    if (isJobFinished(j)) {
      this.backoffs.delete(j.uid);
      return false;
    }
    const before = JSON.stringify(j.status);
    const now = this.host.now();
    const counted = this.counted.get(j.uid) ?? new Set<string>();
    this.counted.set(j.uid, counted);
    const pods = this.podsOf(j);
    const fresh = pods.filter((p) => !counted.has(p.uid));
    const newSucceeded = fresh.filter((p) => p.phase === 'Succeeded');
    const newFailed = fresh.filter((p) => this.isPodFailed(j, p));
    const rules = j.spec.podFailurePolicy?.rules;
    const ctx: SyncCtx = {
      job: j,
      pods,
      active: pods.filter((p) => isPodActive(p) && !('gone' in p)),
      succeeded: j.status.succeeded + newSucceeded.length,
      // CountTerminatingPods: deleted, not terminal (trackTerminatingPods: 1.29+).
      terminating: pods.filter(
        (p) => p.deleting && !('gone' in p) && p.phase !== 'Succeeded' && p.phase !== 'Failed',
      ).length,
      backoff: newBackoffRecord(
        this.backoffs.get(j.uid) ?? { failuresAfterLastSuccess: 0 },
        newSucceeded,
        newFailed,
      ),
      succeededIdx: this.succeededIdx.get(j.uid) ?? new Set<number>(),
    };
    this.succeededIdx.set(j.uid, ctx.succeededIdx);
    const failed =
      j.status.failed + newFailed.filter((p) => matchPodFailurePolicy(rules, p).countFailed).length;
    j.status.startTime ??= now;
    this.finishedCondition(ctx, failed, now);
    if (j.spec.completionMode === 'Indexed') ctx.succeeded = this.indexedSucceeded(ctx);
    let active = ctx.active.length;
    if (ctx.finished) {
      // deleteActivePods: every active pod, its grace honoured.
      for (const p of ctx.active) this.deletePod(j, p);
      ctx.terminating += active;
      active = 0;
    } else {
      active = this.manageJob(ctx);
      const done =
        j.spec.completions === undefined
          ? ctx.succeeded > 0 && active === 0
          : ctx.succeeded >= j.spec.completions && active === 0;
      if (done) ctx.finished = this.success();
    }
    j.status.active = active;
    j.status.ready = ctx.active.filter((p) => p.ready && !p.deleting).length;
    if (ctx.finished) j.status.ready = 0;
    j.status.terminating = ctx.terminating;
    this.trackStatus(ctx);
    if (newSucceeded.length || newFailed.length) this.backoffs.set(j.uid, ctx.backoff);
    if (JSON.stringify(j.status) === before) return false;
    this.host.record(j);
    return true;
  }

  /** syncJob: the terminal condition this sync works toward, in upstream's order. */
  private finishedCondition(ctx: SyncCtx, failed: number, now: number): void {
    const j = ctx.job;
    const scm = j.status.conditions.find(
      (c) => c.type === 'SuccessCriteriaMet' && c.status === 'True',
    );
    if (scm) ctx.finished = scm;
    if (!ctx.finished) {
      const ft = j.status.conditions.find((c) => c.type === 'FailureTarget' && c.status === 'True');
      if (ft) ctx.finished = this.condition('Failed', ft.reason, ft.message);
      else {
        const msg = this.failJobMessage(ctx);
        if (msg) ctx.finished = this.condition('FailureTarget', 'PodFailurePolicy', msg);
      }
    }
    if (ctx.finished) return;
    const ads = j.spec.activeDeadlineSeconds;
    const start = j.status.startTime ?? now;
    if (failed > j.spec.backoffLimit || this.pastBackoffLimitOnFailure(ctx))
      ctx.finished = this.failure(
        'BackoffLimitExceeded',
        'Job has reached the specified backoff limit',
      );
    else if (ads !== undefined && now - start >= ads)
      ctx.finished = this.failure(
        'DeadlineExceeded',
        'Job was active longer than specified deadline',
      );
    else if (ads !== undefined) this.enqueue(j, ads - (now - start));
  }

  private failJobMessage(ctx: SyncCtx): string | undefined {
    const rules = ctx.job.spec.podFailurePolicy?.rules;
    if (!rules) return undefined;
    for (const p of ctx.pods)
      if (this.isPodFailed(ctx.job, p)) {
        const m = matchPodFailurePolicy(rules, p).failJobMessage;
        if (m) return m;
      }
    return undefined;
  }

  /** pastBackoffLimitOnFailure: restarts of running/pending pods ≥ limit (> 0 for limit 0). */
  private pastBackoffLimitOnFailure(ctx: SyncCtx): boolean {
    const j = ctx.job;
    if (j.spec.template.spec.restartPolicy !== 'OnFailure') return false;
    let sum = 0;
    for (const p of ctx.pods)
      if (p.phase === 'Running' || p.phase === 'Pending') sum += p.job?.restartSum ?? 0;
    return j.spec.backoffLimit === 0 ? sum > 0 : sum >= j.spec.backoffLimit;
  }

  /** calculateSucceededIndexes: the distinct indexes below completions with a Succeeded pod. */
  private indexedSucceeded(ctx: SyncCtx): number {
    const n = ctx.job.spec.completions ?? 0;
    const ix = new Set(ctx.succeededIdx);
    for (const p of ctx.pods) {
      const i = indexOf(p);
      if (p.phase === 'Succeeded' && i !== undefined && i < n) ix.add(i);
    }
    return ix.size;
  }

  private deletePod(j: JobObject, p: CtlPod): void {
    this.host.deletePod(p.namespace, p.name);
    this.host.event(
      `job/${j.name}`,
      j.namespace,
      'Normal',
      'SuccessfulDelete',
      `Deleted pod: ${p.name}`,
      SOURCE,
    );
  }

  /** manageJob: delete the surplus or create the missing pods (after the backoff). */
  private manageJob(ctx: SyncCtx): number {
    const j = ctx.job;
    let active = ctx.active.length;
    const parallelism = j.spec.parallelism;
    let want: number;
    if (j.spec.completions === undefined) want = ctx.succeeded > 0 ? active : parallelism;
    else want = Math.max(0, Math.min(j.spec.completions - ctx.succeeded, parallelism));
    const rm = Math.max(0, active - want);
    if (rm > 0) {
      const now = this.host.now();
      // activePodsForRemoval: controller.ActivePods order (not ready, unscheduled, pending first).
      const sorted = [...ctx.active].sort((a, b) => comparePodsForDeletion(a, 0, b, 0, now));
      for (const p of sorted.slice(0, Math.min(rm, BURST_REPLICAS))) this.deletePod(j, p);
      ctx.terminating += Math.min(rm, BURST_REPLICAS);
      return active - Math.min(rm, BURST_REPLICAS);
    }
    const terminating = j.spec.podFailurePolicy ? ctx.terminating : 0;
    let diff = want - terminating - active;
    if (diff <= 0) return active;
    const remaining = remainingTime(ctx.backoff, this.host.now());
    if (remaining > 0) {
      // enqueueSyncJobWithDelay (never under the 1 s batch period); upstream returns active 0 here.
      this.enqueue(j, Math.max(remaining, 1));
      return 0;
    }
    diff = Math.min(diff, BURST_REPLICAS);
    const indexes = j.spec.completionMode === 'Indexed' ? this.pendingIndexes(ctx, diff) : [];
    if (j.spec.completionMode === 'Indexed') diff = indexes.length;
    slowStartBatch(diff, SLOW_START_INITIAL_BATCH_SIZE, () => {
      this.createPod(j, indexes.shift());
      return true;
    });
    active += diff;
    return active;
  }

  /** firstPendingIndexes: the lowest indexes neither succeeded nor held by an active pod. */
  private pendingIndexes(ctx: SyncCtx, count: number): number[] {
    const n = ctx.job.spec.completions ?? 0;
    const taken = new Set<number>(ctx.succeededIdx);
    for (const p of ctx.pods) {
      const i = indexOf(p);
      if (i === undefined) continue;
      if (p.phase === 'Succeeded' || (isPodActive(p) && !('gone' in p))) taken.add(i);
    }
    const out: number[] = [];
    for (let i = 0; i < n && out.length < count; i++) if (!taken.has(i)) out.push(i);
    return out;
  }

  private nextName(ns: string, base: string): string {
    for (;;) {
      const n = this.seq.get(base) ?? 0;
      this.seq.set(base, n + 1);
      const name = generateName(base, n);
      if (!this.host.nameInUse(ns, name)) return name;
    }
  }

  private createPod(j: JobObject, index: number | undefined): void {
    let base = `${j.name}-`;
    if (index !== undefined) {
      // podGenerateNameWithIndex: `<job>-<index>-`, the job name cut to fit 58 characters.
      const suffix = `-${index}-`;
      base = `${j.name.slice(0, MAX_GENERATED - suffix.length)}${suffix}`;
    }
    const name = this.nextName(j.namespace, base);
    this.host.event(
      `job/${j.name}`,
      j.namespace,
      'Normal',
      'SuccessfulCreate',
      `Created pod: ${name}`,
      SOURCE,
    );
    this.host.createPod(podFromJob(j, name, base, index), j.doc);
  }

  /** trackJobStatusAndRemoveFinalizers + enactJobFinished + recordJobFinished. */
  private trackStatus(ctx: SyncCtx): void {
    const j = ctx.job;
    const counted = this.counted.get(j.uid) ?? new Set<string>();
    const held = this.held.get(j.uid);
    const rules = j.spec.podFailurePolicy?.rules;
    const n = j.spec.completions ?? 0;
    for (const p of ctx.pods) {
      if (counted.has(p.uid)) continue;
      const failedPod = this.isPodFailed(j, p);
      // canRemoveFinalizer.
      if (!ctx.finished && p.phase !== 'Succeeded' && !failedPod) continue;
      counted.add(p.uid);
      held?.delete(p.uid);
      if (p.phase === 'Succeeded') {
        const i = indexOf(p);
        if (j.spec.completionMode !== 'Indexed') j.status.succeeded++;
        else if (i !== undefined && i < n) ctx.succeededIdx.add(i);
      } else if (failedPod || (ctx.finished && ctx.finished.type !== 'SuccessCriteriaMet')) {
        if (matchPodFailurePolicy(rules, p).countFailed) j.status.failed++;
      }
    }
    if (j.spec.completionMode === 'Indexed') {
      j.status.succeeded = ctx.succeededIdx.size;
      j.status.completedIndexes = formatIndexes(ctx.succeededIdx);
    }
    let fin = ctx.finished;
    if (fin?.type === 'FailureTarget') {
      j.status.conditions.push(fin);
      fin = this.condition('Failed', fin.reason, fin.message);
    }
    if (fin?.type === 'SuccessCriteriaMet') {
      if (!isTrue(j, 'SuccessCriteriaMet')) j.status.conditions.push(fin);
      fin = this.condition('Complete', fin.reason, fin.message);
    }
    if (!fin || (this.features.delayTerminal && ctx.terminating > 0)) return;
    j.status.conditions.push(fin);
    if (fin.type === 'Complete') {
      j.status.completionTime = fin.lastTransitionTime;
      this.host.event(`job/${j.name}`, j.namespace, 'Normal', 'Completed', 'Job completed', SOURCE);
    } else
      this.host.event(`job/${j.name}`, j.namespace, 'Warning', fin.reason, fin.message, SOURCE);
  }

  /** The Job is gone: forget its records (syncJob's removeBackoffRecord). */
  forget(uid: string): void {
    this.backoffs.delete(uid);
    this.counted.delete(uid);
    this.held.delete(uid);
    this.succeededIdx.delete(uid);
  }
}

/** The pod of one index or of a NonIndexed Job (controller.GetPodFromTemplate + manageJob). */
export function podFromJob(
  j: JobObject,
  name: string,
  base: string,
  index: number | undefined,
): DefaultedPod {
  const t = j.spec.template;
  const spec = cloneJson(t.spec);
  const annotations = { ...(t.metadata.annotations ?? {}) };
  const labels = { ...(t.metadata.labels ?? {}) };
  if (index !== undefined) {
    annotations[COMPLETION_INDEX] = String(index);
    // PodIndexLabel (beta 1.28, GA 1.32).
    labels[COMPLETION_INDEX] = String(index);
    spec.hostname = `${j.name}-${index}`;
    // addCompletionIndexEnvVariables: every container and init container.
    const env = {
      name: 'JOB_COMPLETION_INDEX',
      valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${COMPLETION_INDEX}']` } },
    };
    for (const c of [...(spec.initContainers ?? []), ...spec.containers])
      if (!(c.env ?? []).some((e) => e.name === env.name)) c.env = [...(c.env ?? []), env];
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...(Object.keys(annotations).length ? { annotations } : {}),
      labels,
      generateName: base,
      name,
      namespace: j.namespace,
      ownerReferences: [
        {
          apiVersion: 'batch/v1',
          kind: 'Job',
          name: j.name,
          uid: j.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec,
  } as DefaultedPod;
}

/**
 * PID namespaces. Each container has its own (its entrypoint is PID 1, later processes from 7 as
 * containerd's shims leave them), unless the pod shares one: kuberuntime/helpers.go
 * namespacesForPod gives every container NamespaceMode_POD with `shareProcessNamespace: true`, and
 * they all join the sandbox's, whose init is the pause process (build/pause/linux/pause.c: exits
 * on SIGINT/SIGTERM, reaps zombies, ignores everything else — init never gets SIGKILL from inside).
 * An ephemeral container with `targetContainerName` joins its target's (NamespaceMode_TARGET).
 * PIDs are handed out in start order; `ps` and `kill` see every member's processes. When init
 * exits, the kernel SIGKILLs every other process of the namespace (pid_namespaces(7)).
 */
import type { Scheduler } from '../clock/types.ts';
import type { ProcInfo } from './process/types.ts';
import type { Signal } from './types.ts';

/** A container as a member of the namespace. */
export interface PidMember {
  /** Its live processes. */
  procList(): ProcInfo[];
  owns(pid: number): boolean;
  /** kill(2) on one of its own processes. */
  killOwn(pid: number, sig: Signal | 0): string | undefined;
  /** The namespace's init exited: the kernel kills every process (exit 137). */
  killedWithNamespace(): void;
}

/** The pause image runs as this UID (no passwd entry in the other images: ps prints the number). */
const PAUSE_UID = '65535';

export class PidNamespace {
  private next: number;
  private readonly members = new Set<PidMember>();
  /** The pod's shared namespace: its init, the pause process. */
  readonly pause: ProcInfo | undefined;

  private constructor(
    first: number,
    private readonly scheduler?: Scheduler,
    /** The pause process exited: the sandbox is dead. */
    private readonly onPauseExit?: () => void,
  ) {
    this.next = first;
    if (scheduler)
      this.pause = {
        pid: 1,
        name: 'pause',
        cmd: '/pause',
        user: PAUSE_UID,
        pid1: true,
        alive: true,
      };
  }

  /** The pod's namespace under `shareProcessNamespace: true`. */
  static shared(scheduler: Scheduler, onPauseExit: () => void): PidNamespace {
    return new PidNamespace(2, scheduler, onPauseExit);
  }

  /** A container's own namespace: its entrypoint takes PID 1 itself. */
  static own(): PidNamespace {
    return new PidNamespace(7);
  }

  alloc(): number {
    return this.next++;
  }

  join(m: PidMember): void {
    this.members.add(m);
  }

  leave(m: PidMember): void {
    this.members.delete(m);
  }

  /** Every live process of the namespace, by PID (what /proc lists). */
  list(): ProcInfo[] {
    const all: ProcInfo[] = this.pause?.alive ? [this.pause] : [];
    for (const m of this.members) all.push(...m.procList());
    return all.sort((a, b) => a.pid - b.pid);
  }

  /** kill(2) from a process of the namespace: any member's process, or pause itself. */
  kill(pid: number, sig: Signal | 0): string | undefined {
    if (pid === 1 && this.pause) {
      if (!this.pause.alive) return 'No such process';
      // pause.c installs handlers for SIGINT and SIGTERM only (sigdown: exit 0).
      if (sig === 'SIGINT' || sig === 'SIGTERM') this.scheduler?.after(0, () => this.pauseExit());
      return undefined;
    }
    for (const m of this.members) if (m.owns(pid)) return m.killOwn(pid, sig);
    return 'No such process';
  }

  /** The init of a container's own namespace ended: every other member dies with it. */
  initExited(init: PidMember): void {
    for (const m of [...this.members]) if (m !== init) m.killedWithNamespace();
  }

  /** The pause process ends (a signal from inside, or the sandbox killed from outside). */
  pauseExit(): void {
    if (!this.pause?.alive) return;
    this.pause.alive = false;
    for (const m of [...this.members]) m.killedWithNamespace();
    this.onPauseExit?.();
  }
}

/**
 * The pod's shared PID namespace (`shareProcessNamespace: true`): kuberuntime/helpers.go
 * namespacesForPod gives every container NamespaceMode_POD, so they all join the sandbox's PID
 * namespace, whose init is the pause process (build/pause/linux/pause.c: exits on SIGINT/SIGTERM,
 * reaps zombies, ignores everything else — and init never gets SIGKILL from inside its namespace).
 * PIDs are handed out in start order across containers (pause 1, then each process); `ps` and
 * `kill` see every container's processes. When init exits, the kernel SIGKILLs every other
 * process of the namespace (pid_namespaces(7)), so every container dies with it.
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

export class SharedPidNamespace {
  private next = 2;
  private readonly members = new Set<PidMember>();
  readonly pause: ProcInfo = {
    pid: 1,
    name: 'pause',
    cmd: '/pause',
    user: PAUSE_UID,
    pid1: true,
    alive: true,
  };

  constructor(
    private readonly scheduler: Scheduler,
    /** The pause process exited: the sandbox is dead. */
    private readonly onPauseExit: () => void,
  ) {}

  alloc(): number {
    return this.next++;
  }

  join(m: PidMember): void {
    this.members.add(m);
  }

  leave(m: PidMember): void {
    this.members.delete(m);
  }

  /** Every live process of the pod, by PID (what /proc lists). */
  list(): ProcInfo[] {
    const all: ProcInfo[] = this.pause.alive ? [this.pause] : [];
    for (const m of this.members) all.push(...m.procList());
    return all.sort((a, b) => a.pid - b.pid);
  }

  /** kill(2) from a process of the pod: any container's process, or pause itself. */
  kill(pid: number, sig: Signal | 0): string | undefined {
    if (pid === 1) {
      if (!this.pause.alive) return 'No such process';
      // pause.c installs handlers for SIGINT and SIGTERM only (sigdown: exit 0).
      if (sig === 'SIGINT' || sig === 'SIGTERM') this.scheduler.after(0, () => this.pauseExit());
      return undefined;
    }
    for (const m of this.members) if (m.owns(pid)) return m.killOwn(pid, sig);
    return 'No such process';
  }

  /** The pause process ends (a signal from inside, or the sandbox killed from outside). */
  pauseExit(): void {
    if (!this.pause.alive) return;
    this.pause.alive = false;
    for (const m of [...this.members]) m.killedWithNamespace();
    this.onPauseExit();
  }
}

/**
 * What word expansion (expand.ts) and external commands (external.ts) need of the running shell.
 * The Shell class (interp.ts) implements it; depending on this instead of the class keeps the
 * three modules out of an import cycle.
 */
import type { Gen } from '../process/effects.ts';
import type { Io, ProcInfo, ProgCtx } from '../process/types.ts';
import type { List } from './ast.ts';
import type { CpuMeter } from './cpu.ts';

export interface ShellVars {
  get(k: string): string | undefined;
  has(k: string): boolean;
  set(k: string, v: string): unknown;
}

export interface ShellState {
  readonly ctx: ProgCtx;
  readonly sys: ProgCtx['sys'];
  readonly self: ProcInfo;
  vars: ShellVars;
  args: string[];
  arg0: string;
  status: number;
  cwd: string;
  lastBgPid: number;
  cpu: CpuMeter;
  randomState: number;
  opts: { errexit: boolean; xtrace: boolean; nounset: boolean };
  lastSub: number | undefined;
  /** A subshell: same process, copied state. */
  clone(): ShellState;
  capture(buf: string, s: string): string;
  runList(list: List, io: Io): Gen;
  endStatus(e: unknown): number | undefined;
}

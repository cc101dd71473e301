/**
 * Resource limits of simulated processes (issue 13, build item 1). A real container's processes
 * are bounded by their stack, memory, the pids cgroup and CPU time; Podlab's interpreter runs on
 * one JS stack and heap shared by every pod of the run, so each bound is modelled here and a
 * process that passes it dies the way a real one would, never the whole run.
 */

/**
 * Shell call depth: function calls, `eval`, `.`, subshells, command substitutions, background
 * jobs and compound commands (`if`, loops, `case`, `{ }`) nested in one another — each of them
 * nests the interpreter's JS stack, so a function that recurses from inside a loop inside an `if`
 * uses four levels per call (the call, its `{ }` body, the `if`, the loop). dash and bash have no such limit (bash's FUNCNEST is unset by
 * default): recursion grows the C stack until the 8 MiB stack rlimit is hit and the kernel sends
 * SIGSEGV. Podlab's generator interpreter uses far more stack per level than dash, so its simulated
 * stack ends at this depth — deep enough for any script a manifest holds, shallow enough to stay
 * well inside a JS stack (Node's default one overflows at about 350 levels of the costliest
 * kind, nested `eval`) — and the process dies with SEGFAULT_EXIT. A stack overflow the limit
 * does not prevent (the parser on 3 000 nested parentheses) kills only that process too (task.ts).
 */
export const MAX_SHELL_DEPTH = 150;

/** A process killed by SIGSEGV (signal 11) exits 128 + 11, as the kubelet reports it. */
export const SEGFAULT_EXIT = 139;

/**
 * Longest string one process holds: a variable's value, a word's expansion, a command
 * substitution's or a pipe's captured output, one printf result. A real shell's malloc fails
 * only when the container's memory runs out; Podlab bounds each value instead (the JS heap is
 * shared by every pod), and the shell then fails as busybox ash does when malloc returns NULL:
 * `sh: out of memory` on stderr and exit 2 (ash.c ckrealloc → ash_msg_and_raise_error).
 */
export const MAX_STRING_LENGTH = 16 * 1024 * 1024;

/**
 * Processes per container, as a pids cgroup limit (the kubelet's podPidsLimit) would set: fork
 * fails with EAGAIN beyond it and ash prints `sh: can't fork: Resource temporarily unavailable`,
 * then exits 2 (its error exit for a non-interactive shell).
 */
export const MAX_PROCESSES = 1024;

/**
 * Finished background jobs a shell keeps for `wait` (POSIX asks for at least CHILD_MAX remembered
 * statuses); older finished jobs are forgotten, so `cmd &` in a loop without `wait` stays bounded.
 */
export const MAX_REMEMBERED_JOBS = 1024;

/**
 * Commands one script may run at a single simulated instant before it counts as a busy loop
 * (time does not pass in a simulation unless something waits): the interpreter stops there.
 */
export const STEP_LIMIT = 10_000;

/**
 * Podlab's CPU model for a shell process tree: work units it gets per simulated millisecond. One
 * unit is one byte of text the shell splits or captures (command substitution, pipes); each
 * command costs COMMAND_UNITS and each field made by splitting FIELD_UNITS. About 50 kB of text per simulated second — slower than a real CPU,
 * so that a loop doing heavy text work in every millisecond runs a few hundred times per
 * simulated minute instead of hanging the page; scripts doing ordinary work never reach it.
 */
export const CPU_UNITS_PER_MS = 50;

/** Work a process may do at once before the CPU model slows it (a full second's worth). */
export const CPU_BURST_UNITS = 1_000_000;

/** The cost of one command in CPU_UNITS (parsing, lookup, a fork for an external program). */
export const COMMAND_UNITS = 50;

/** The cost of one field that word splitting makes (one more argv entry), in CPU_UNITS. */
export const FIELD_UNITS = 8;

/**
 * Nesting of parentheses and unary operators in one `$(( ))`. bash stops at 1024 with `expression
 * recursion level exceeded`; ash's evaluator keeps a stack sized by the expression. Podlab's
 * recursive evaluator stops here with that error (exit 2 in a non-interactive shell).
 */
export const MAX_ARITH_DEPTH = 200;

/** Thrown by a program or the shell when a value would pass MAX_STRING_LENGTH (malloc failed). */
export class OutOfMemory {
  constructor(readonly what: string) {}
}

/** Throws OutOfMemory when a string of `length` would pass MAX_STRING_LENGTH. */
export function checkLength(length: number, what: string): void {
  if (length > MAX_STRING_LENGTH) throw new OutOfMemory(what);
}

/** Control flow of the shell interpreter, carried by exceptions through the generator stack. */

export class ExitShell {
  constructor(readonly code: number) {}
}
export class BreakLoop {
  constructor(public n: number) {}
}
export class ContinueLoop {
  constructor(public n: number) {}
}
export class ReturnFunc {
  constructor(readonly code: number) {}
}
/**
 * The shell ran past MAX_SHELL_DEPTH: its simulated stack is gone. Unwinds to the innermost
 * process boundary (the shell itself, or the subshell that was forked for `( )`, `$( )`, a
 * pipeline stage or `&`), which dies as SIGSEGV would: exit 139.
 */
export class StackOverflow {}

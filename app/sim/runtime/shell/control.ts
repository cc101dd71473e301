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

/**
 * Latest-wins scheduling of simulation runs: at most one run in flight; edits made meanwhile
 * collapse into one pending run; a result is delivered only if no newer edit exists.
 *
 * A long run answers twice under one id: a partial result (`partialOf` set), then the full one.
 * The run stays in flight across its partial. Once the partial is in, what is left is the long
 * part: a newer edit then abandons the run (when `cancel` is given and agrees, e.g. by replacing
 * the worker) instead of waiting behind it.
 */
export interface Scheduler<R extends { id: number; partialOf?: number }> {
  submit(text: string): number;
  receive(result: R): R | undefined;
  /** Id of the newest submitted text. */
  readonly latest: number;
  readonly busy: boolean;
}

export interface SchedulerOptions {
  /** Stop run `id` (its result will never arrive); false when it cannot be stopped. */
  cancel?(id: number): boolean;
}

export function createScheduler<R extends { id: number; partialOf?: number }>(
  post: (id: number, text: string) => void,
  opts: SchedulerOptions = {},
): Scheduler<R> {
  let nextId = 1;
  let inFlight: number | undefined;
  /** The run in flight has delivered its partial result: the rest may take long. */
  let pastPartial = false;
  let pending: { id: number; text: string } | undefined;
  let latest = 0;
  const send = (id: number, text: string) => {
    inFlight = id;
    pastPartial = false;
    post(id, text);
  };
  const sendPending = () => {
    const p = pending;
    pending = undefined;
    if (p) send(p.id, p.text);
  };
  /** Abandons the run in flight for the pending edit, if it is past its partial and cancellable. */
  const tryCancel = () => {
    if (inFlight === undefined || !pastPartial || !pending || !opts.cancel?.(inFlight)) return;
    inFlight = undefined;
    sendPending();
  };
  return {
    get latest() {
      return latest;
    },
    get busy() {
      return inFlight !== undefined;
    },
    submit(text) {
      const id = nextId++;
      latest = id;
      if (inFlight === undefined) send(id, text);
      else {
        pending = { id, text };
        tryCancel();
      }
      return id;
    },
    receive(result) {
      if (result.id !== inFlight) return undefined;
      if (result.partialOf !== undefined) {
        if (pastPartial) return undefined;
        pastPartial = true;
        tryCancel();
        return result.id === latest ? result : undefined;
      }
      inFlight = undefined;
      sendPending();
      return result.id === latest ? result : undefined;
    },
  };
}

/**
 * Latest-wins scheduling of simulation runs: at most one run in flight; edits made meanwhile
 * collapse into one pending run; a result is delivered only if no newer edit exists.
 */
export interface Scheduler<R extends { id: number }> {
  submit(text: string): number;
  receive(result: R): R | undefined;
  /** Id of the newest submitted text. */
  readonly latest: number;
  readonly busy: boolean;
}

export function createScheduler<R extends { id: number }>(
  post: (id: number, text: string) => void,
): Scheduler<R> {
  let nextId = 1;
  let inFlight: number | undefined;
  let pending: { id: number; text: string } | undefined;
  let latest = 0;
  const send = (id: number, text: string) => {
    inFlight = id;
    post(id, text);
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
      else pending = { id, text };
      return id;
    },
    receive(result) {
      if (result.id !== inFlight) return undefined;
      inFlight = undefined;
      if (pending) {
        const p = pending;
        pending = undefined;
        send(p.id, p.text);
      }
      return result.id === latest ? result : undefined;
    },
  };
}

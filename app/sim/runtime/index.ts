/**
 * Public entry of the runtime model: the image catalogue and pod sandboxes (DESIGN.md §2.3).
 *
 * Modelling choices the engine and tests rely on:
 * - Every process is a generator driven by the Scheduler (process/task.ts); nothing reads a clock.
 * - Exits reach ContainerCallbacks.onExit through a 0 ms timer (same instant, never re-entrant).
 * - ContainerProcess.exit(code) ends the main process as if it called exit(code) (Completed/Error).
 * - PID 1 ignores signals it has no handler for (a `sh -c` script, `sleep`); SIGKILL from the
 *   runtime always kills (137). Inside the container even `kill -9 1` cannot touch PID 1.
 * - ash semantics for traps: a trapped SIGTERM runs after the foreground command (a `sleep 600`
 *   finishes first); `wait` is interrupted at once. `sh -c 'one command'` execs it in place.
 * - Go servers without handlers (liveness, goproxy, agnhost) exit 2 on SIGTERM as PID 1; nginx
 *   quits 0 (STOPSIGNAL SIGQUIT); Java/Tomcat exits 143; redis/postgres/etcd/pause exit 0.
 * - Startup: nginx/redis listen at once, postgres after 2 s of initdb, Tomcat after 4 s.
 * - Memory: usage per process; over limits.memory the container is OOMKilled (137).
 * - A script runs at most 10 000 commands per simulated instant (then it is a busy loop, with a
 *   diagnostic) and scripts over 64 KB are refused; logs are capped at 2 000 lines per instant.
 */
import type { RuntimeModel, SandboxContext, PodSandbox, ImageLookup } from './types.ts';
import type { Dir } from './fs/vfs.ts';
import { newDir } from './fs/vfs.ts';
import { inspectImage } from './images/index.ts';
import { Sandbox } from './sandbox.ts';

export type { RuntimeModel } from './types.ts';

export interface RuntimeOptions {
  /** Override what the catalogue says (e.g. a scenario that makes an image absent or slow). */
  imageOverrides?: Record<
    string,
    Partial<Pick<Extract<ImageLookup, { found: true }>, 'pullMs' | 'presentOnNode'>>
  >;
}

export function createRuntimeModel(opts: RuntimeOptions = {}): RuntimeModel {
  const nodes = new Map<string, Dir>();
  const hostPaths = {
    nodeRoot(nodeName: string): Dir {
      let d = nodes.get(nodeName);
      if (!d) nodes.set(nodeName, (d = newDir()));
      return d;
    },
  };
  return {
    inspectImage(image: string): ImageLookup {
      const r = inspectImage(image);
      const o = opts.imageOverrides?.[image];
      return r.found && o ? { ...r, ...o } : r;
    },
    createSandbox(ctx: SandboxContext): PodSandbox {
      return new Sandbox(ctx, hostPaths);
    },
  };
}

/** Public entry of the runtime model: the image catalogue and pod sandboxes (DESIGN.md §2.3). */
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

/**
 * Public entry of app/scenario for Node and the browser alike (CLI, UI). The bundled examples are
 * NOT here: the browser imports `./examples.ts` (Vite glob), Node imports `./examplesNode.ts` (fs).
 */
export {
  encodeShareFragment,
  decodeShareFragment,
  buildShareUrl,
  hasShareFragment,
  CURRENT_FORMAT,
  MAX_INFLATED_BYTES,
} from './shareLink.ts';
export type { SharePayload, DecodeResult } from './shareLink.ts';
export { toKubectlScript } from './kubectlScript.ts';
export { parseExample, buildRegistry } from './exampleMeta.ts';
export type { Example } from './exampleMeta.ts';
export { parsePromise } from './promises.ts';
export type { ExamplePromise } from './promises.ts';
export { checkPromise } from './checkPromise.ts';
export { formatDuration } from './duration.ts';

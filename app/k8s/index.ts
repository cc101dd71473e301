/** Public entry of the Kubernetes object layer. */
export { parseScenario, createLocator } from './parseScenario.ts';
export { parseDuration } from './duration.ts';
export { secretData, base64Decode, base64Encode } from './secret.ts';
export { defaultPullPolicy } from './defaults.ts';
export { parseQuantity } from './quantity.ts';
export { formatPath, parsePath } from './path.ts';
export type * from './types.ts';

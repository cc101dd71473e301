/** Public entry of the Kubernetes object layer. */
export { parseScenario, createLocator, type ParseOptions } from './parseScenario.ts';
/** Compiles the schema validator now (~0.2 s) instead of on the first parse: call it when idle. */
export { validator as prepareValidation } from './schema/validateSchema.ts';
export { parseDuration } from './duration.ts';
export { MAX_UNTIL, UNTIL_TOO_LONG } from './scenarioDoc.ts';
export { secretData, base64Decode, base64Encode } from './secret.ts';
export { defaultPullPolicy, defaultedPod, defaultedService } from './defaults.ts';
export { parseQuantity } from './quantity.ts';
export { formatPath, parsePath } from './path.ts';
export type * from './types.ts';

/** `readInitialState(location, storage)` with the bundled examples and the default scenario. */
import { EXAMPLES, findExample } from '../../scenario/examples.ts';
import { readInitialStateWith, type InitialState } from './initialState.ts';

/** The scenario a first-time visitor sees: the Kubernetes docs' liveness-exec example. */
export const DEFAULT_EXAMPLE = 'liveness-exec';

export function defaultYaml(): string {
  return findExample(DEFAULT_EXAMPLE)?.yaml ?? EXAMPLES[0]?.yaml ?? '';
}

export function readInitialState(
  location: { hash: string; search: string },
  storage: Pick<Storage, 'getItem'>,
): InitialState {
  return readInitialStateWith(location, storage, {
    examples: EXAMPLES,
    defaultYaml: defaultYaml(),
  });
}

export type { InitialState };

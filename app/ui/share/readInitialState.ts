/** `readInitialState(location, storage)` with the bundled examples and the default scenario. */
import { EXAMPLES, findExample } from '../../scenario/examples.ts';
import { rememberPrevious } from './autosave.ts';
import { readInitialStateWith, type InitialState } from './initialState.ts';

/** The scenario a first-time visitor sees: the Kubernetes docs' liveness-exec example. */
export const DEFAULT_EXAMPLE = 'liveness-exec';

export function defaultYaml(): string {
  return findExample(DEFAULT_EXAMPLE)?.yaml ?? EXAMPLES[0]?.yaml ?? '';
}

/**
 * The state the page opens with. Typed work that a link or example replaces is stored as the
 * "previous" text before anything else is saved, so the next autosave cannot lose it.
 */
export function readInitialState(
  location: { hash: string; search: string },
  storage: Pick<Storage, 'getItem' | 'setItem'>,
): InitialState {
  const s = readInitialStateWith(location, storage, {
    examples: EXAMPLES,
    defaultYaml: defaultYaml(),
  });
  if (s.replacedNow && s.previous !== undefined) rememberPrevious(storage, s.previous);
  return s;
}

export type { InitialState };

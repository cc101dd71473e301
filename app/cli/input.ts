/**
 * The scenario argument: a file path, `-` (stdin), or a share link (`#s=1.…`, `s=1.…`, a URL).
 */
import { decodeShareFragment, hasShareFragment } from '../scenario/shareLink.ts';
import type { CliIO } from './io.ts';

export interface ScenarioInput {
  text: string;
  /** How diagnostics name the input: the path, `<stdin>` or `<link>`. */
  label: string;
  /** The cursor time carried by a share link, if any. */
  t?: number;
}

export class InputError extends Error {}

function looksLikeLink(arg: string): boolean {
  return arg.startsWith('#') || arg.startsWith('s=') || /^[a-z]+:\/\//i.test(arg);
}

export async function readScenario(arg: string, io: CliIO): Promise<ScenarioInput> {
  if (arg === '-') return { text: await io.readStdin(), label: '<stdin>' };
  if (looksLikeLink(arg) || hasShareFragment(arg)) {
    const decoded = decodeShareFragment(arg);
    if (!decoded.ok) throw new InputError(decoded.error);
    return {
      text: decoded.payload.yaml,
      label: '<link>',
      ...(decoded.payload.t !== undefined ? { t: decoded.payload.t } : {}),
    };
  }
  try {
    return { text: await io.readFile(arg), label: arg };
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new InputError(
      code === 'ENOENT' ? `${arg}: no such file` : `${arg}: cannot read (${String(code ?? e)})`,
    );
  }
}

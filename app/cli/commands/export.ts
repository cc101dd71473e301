/** `podsim export kubectl FILE`: the page's Export → kubectl script, printed (one implementation). */
import { parseScenario } from '../../k8s/index.ts';
import { toKubectlScript } from '../../scenario/kubectlScript.ts';
import type { ScenarioInput } from '../input.ts';
import { collectDiagnostics, formatDiagnostic } from '../simulate.ts';
import type { CommandOutput } from './get.ts';

/**
 * The script the page downloads, or exit 1 with `FILE:LINE:COL` diagnostics when the scenario has
 * errors (the page exports what is valid with a warning comment; a script on stdout must not be
 * half a scenario). Warnings go to stderr and the script is still printed.
 */
export function exportKubectlCommand(input: ScenarioInput): CommandOutput {
  const parsed = parseScenario(input.text);
  const diags = collectDiagnostics(parsed).filter((d) => d.severity !== 'info');
  const stderr = diags.map((d) => formatDiagnostic(input.label, d)).join('');
  if (diags.some((d) => d.severity === 'error')) return { stdout: '', stderr, code: 1 };
  return { stdout: toKubectlScript(input.text, parsed), ...(stderr ? { stderr } : {}), code: 0 };
}

/** `main` in-process with files in memory: what tests of the CLI run it through. */
import type { CliIO } from './io.ts';
import { main } from './main.ts';

export async function runMain(
  argv: string[],
  files: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: () => Promise.resolve(''),
    readFile: (p) => {
      const text = files[p];
      return text === undefined ? Promise.reject(new Error(`ENOENT: ${p}`)) : Promise.resolve(text);
    },
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

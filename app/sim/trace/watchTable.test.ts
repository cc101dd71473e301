import { describe, expect, it } from 'vitest';
import { livenessExecTrace } from './fixtures.ts';
import { createTraceIndex } from './traceIndex.ts';
import { formatWatchTable, type WatchTableOptions } from './watchTable.ts';

const idx = createTraceIndex(livenessExecTrace(500));
const seconds = (t: number) => `${t}s`;

describe('formatWatchTable', () => {
  it.each<[string, WatchTableOptions, string[]]>([
    [
      'T right-aligned before the table, whole run',
      { formatT: seconds, t: 'right' },
      [
        '     T  NAME            READY   STATUS    RESTARTS   AGE',
        '    0s  liveness-exec   0/1     Pending   0          0s',
        '    0s  liveness-exec   0/1     ContainerCreating   0          0s',
        '    2s  liveness-exec   1/1     Running             0          2s',
        '   77s  liveness-exec   1/1     Running             1 (0s ago)   77s',
        '  152s  liveness-exec   1/1     Running             2 (0s ago)   2m32s',
      ],
    ],
    [
      'T as the first column, up to t',
      { formatT: seconds, t: 'column', upTo: 0 },
      [
        'T     NAME            READY   STATUS    RESTARTS   AGE',
        '0s    liveness-exec   0/1     Pending   0          0s',
        '0s    liveness-exec   0/1     ContainerCreating   0          0s',
        '',
      ],
    ],
  ])('%s', (_, opts, want) => {
    const lines = formatWatchTable(idx, opts).split('\n');
    expect(lines.slice(0, want.length)).toEqual(want);
  });

  it('remembers widths per column across flushes (liggitt/tabwriter RememberWidths)', () => {
    // A narrower row after a wide one keeps the wide widths; the wide one did not re-pad the rows
    // printed before it.
    const lines = formatWatchTable(idx, { formatT: seconds, t: 'column' }).split('\n');
    expect(lines[2]).toBe('0s    liveness-exec   0/1     ContainerCreating   0          0s');
    expect(lines[3]).toBe('2s    liveness-exec   1/1     Running             0          2s');
  });

  it('upTo keeps the rows at or before t', () => {
    const all = formatWatchTable(idx, { formatT: seconds, t: 'column' }).split('\n');
    const upTo77 = formatWatchTable(idx, { formatT: seconds, t: 'column', upTo: 77 }).split('\n');
    expect(upTo77.length).toBeLessThan(all.length);
    expect(upTo77.at(-2)).toMatch(/^77s\s+liveness-exec\s+1\/1\s+Running\s+1 \(0s ago\)\s+77s$/);
  });
});

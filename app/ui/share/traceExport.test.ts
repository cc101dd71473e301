import { describe, expect, it } from 'vitest';
import { traceExportItem } from './traceExport.ts';

describe('the Trace as JSON export item', () => {
  it.each([
    [
      'no run yet: disabled',
      { hasResult: false, stale: false, errors: 0 },
      { label: 'Trace as JSON (podsim --json)', disabled: true, suffix: '' },
    ],
    [
      'the current YAML’s run',
      { hasResult: true, stale: false, errors: 0 },
      { label: 'Trace as JSON (podsim --json)', disabled: false, suffix: '' },
    ],
    [
      'the YAML now has errors: labelled as the last valid run',
      { hasResult: true, stale: true, errors: 2 },
      {
        label: 'Trace as JSON of the last valid run (the YAML now has 2 errors)',
        disabled: false,
        suffix: '.last-valid',
      },
    ],
    [
      'the newest run failed without a diagnostic (engine error, timeout)',
      { hasResult: true, stale: true, errors: 0 },
      {
        label: 'Trace as JSON of the last valid run (the newest run failed)',
        disabled: false,
        suffix: '.last-valid',
      },
    ],
  ])('%s', (_name, input, want) => {
    expect(traceExportItem(input)).toEqual(want);
  });
});

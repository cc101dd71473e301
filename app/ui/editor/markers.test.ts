import { describe, expect, it } from 'vitest';
import { toMarkers } from './markers.ts';

describe('toMarkers', () => {
  it('maps severity and 1-based ranges, widening empty ranges and clamping lines', () => {
    const m = toMarkers(
      [
        {
          severity: 'error',
          message: 'bad',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 5,
          code: 'x',
        },
        { severity: 'warning', message: 'far', line: 40, column: 1, endLine: 41, endColumn: 2 },
      ],
      10,
    );
    expect(m[0]).toMatchObject({
      severity: 8,
      startLineNumber: 3,
      startColumn: 5,
      endColumn: 6,
      code: 'x',
    });
    expect(m[1]).toMatchObject({ severity: 4, startLineNumber: 10, endLineNumber: 10 });
  });
});

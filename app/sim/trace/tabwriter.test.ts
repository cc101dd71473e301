import { describe, expect, it } from 'vitest';
import { DESCRIBE_TABWRITER, TABLE_TABWRITER, tabRows, tabwrite } from './tabwriter.ts';

describe('tabwrite (Go text/tabwriter)', () => {
  it('aligns a table with kubectl padding and minimum width, last column unpadded', () => {
    const text = tabRows([
      ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
      ['liveness-exec', '1/1', 'Running', '1 (0s ago)', '77s'],
    ]);
    expect(tabwrite(text, TABLE_TABWRITER)).toBe(
      'NAME            READY   STATUS    RESTARTS     AGE\n' +
        'liveness-exec   1/1     Running   1 (0s ago)   77s\n',
    );
  });

  it('re-aligns after a line without tabs (blocks), like kubectl describe', () => {
    const text =
      'Name:\tp\nNamespace:\tdefault\nContainers:\n  c:\n    Image:\tbusybox\n    Command:\n      sh\n    State:\tRunning\n      Started:\tnow\n';
    expect(tabwrite(text, DESCRIBE_TABWRITER)).toBe(
      'Name:       p\n' +
        'Namespace:  default\n' +
        'Containers:\n' +
        '  c:\n' +
        '    Image:  busybox\n' +
        '    Command:\n' +
        '      sh\n' +
        '    State:      Running\n' +
        '      Started:  now\n',
    );
  });

  it('pads empty cells and keeps continuation lines in the block', () => {
    const text = 'Labels:\ta=b\n\tc=d\nIP:\t\n';
    expect(tabwrite(text, DESCRIBE_TABWRITER)).toBe('Labels:  a=b\n         c=d\nIP:      \n');
  });

  it('handles nested column blocks (Conditions table)', () => {
    const text = 'Conditions:\n  Type\tStatus\n  Initialized \tTrue \n  PodScheduled \tTrue \n';
    expect(tabwrite(text, DESCRIBE_TABWRITER)).toBe(
      'Conditions:\n  Type           Status\n  Initialized    True \n  PodScheduled   True \n',
    );
  });
});

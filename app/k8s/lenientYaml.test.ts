import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repairQuotedContinuations } from './lenientYaml.ts';

describe('repairQuotedContinuations (libyaml leniency)', () => {
  const text = 'spec:\n  command: ["/bin/sh","-c","sleep\n3600"]\n  name: x\n';

  it('indents a quoted continuation at column 0 and keeps the folded string', () => {
    const r = repairQuotedContinuations(text);
    expect(r?.lines).toEqual([2]);
    expect(r?.text).toBe('spec:\n  command: ["/bin/sh","-c","sleep\n   3600"]\n  name: x\n');
    expect(parse(r?.text ?? '')).toEqual({
      spec: { command: ['/bin/sh', '-c', 'sleep 3600'], name: 'x' },
    });
  });

  it('maps offsets back to the original text', () => {
    const r = repairQuotedContinuations(text);
    const lineStart = text.indexOf('3600');
    expect(r?.toOriginal(0)).toBe(0);
    expect(r?.toOriginal(r.text.indexOf('3600'))).toBe(lineStart);
    expect(r?.toOriginal(r.text.indexOf('name'))).toBe(text.indexOf('name'));
    // An offset inside the inserted spaces maps to the start of the original line.
    expect(r?.toOriginal(r.text.indexOf('3600') - 1)).toBe(lineStart);
  });

  it.each([
    ['plain values', 'a: it\'s "fine"\nb: 1\n'],
    ['closed quotes', 'a: ["x", \'y\']\nb: "z"\n'],
    ['sufficiently indented continuation', 'a: "x\n   y"\n'],
    ['escaped quote', 'a: "say \\"hi\\""\n'],
  ])('leaves %s alone', (_name, input) => {
    expect(repairQuotedContinuations(input)).toBeUndefined();
  });

  it('handles single quotes and list items', () => {
    const r = repairQuotedContinuations("- cmd: 'a\nb'\n");
    expect(r?.text).toBe("- cmd: 'a\n   b'\n");
    expect(parse(r?.text ?? '')).toEqual([{ cmd: 'a b' }]);
  });
});

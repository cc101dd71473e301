/**
 * A port of Go's text/tabwriter (flags = 0, padchar ' '): cells end at '\t', lines at '\n', and a
 * column is aligned over each block of consecutive lines that have a cell in it. The text after a
 * line's last tab is not part of any column and is never padded. kubectl prints through it with
 * (minwidth 6, padding 3) for tables (cli-runtime printers/tabwriter.go) and (0, 2) for describe
 * (kubectl describe.go `tabbedString`), so copying the block rule reproduces kubectl's layout,
 * including the re-alignment after lines without tabs.
 */
export interface TabwriterOptions {
  minwidth: number;
  padding: number;
}

export const TABLE_TABWRITER: TabwriterOptions = { minwidth: 6, padding: 3 };
export const DESCRIBE_TABWRITER: TabwriterOptions = { minwidth: 0, padding: 2 };

/** Rune count, like Go's utf8.RuneCount. */
function width(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * Format one flush of text. With `remembered` (kubectl's `tabwriter.RememberWidths`, from
 * github.com/liggitt/tabwriter, which cli-runtime's GetNewTabWriter sets), each column is at least
 * as wide as it was in an earlier flush through the same array, and the array grows with it.
 */
export function tabwrite(text: string, opts: TabwriterOptions, remembered?: number[]): string {
  const endsWithNewline = text.endsWith('\n');
  const rawLines = (endsWithNewline ? text.slice(0, -1) : text).split('\n');
  const lines = rawLines.map((l) => l.split('\t'));
  const cellWidths = lines.map((cells) => cells.map(width));
  const widths: number[] = [];
  const out: string[] = [];

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const cells = lines[i] ?? [];
      const ws = cellWidths[i] ?? [];
      let s = '';
      for (let j = 0; j < cells.length; j++) {
        s += cells[j] ?? '';
        const colWidth = widths[j];
        if (colWidth !== undefined) s += ' '.repeat(Math.max(0, colWidth - (ws[j] ?? 0)));
      }
      out.push(s);
    }
  };

  const format = (line0In: number, line1: number): void => {
    let line0 = line0In;
    const column = widths.length;
    for (let row = line0; row < line1; row++) {
      if (column >= (lines[row]?.length ?? 0) - 1) continue;
      writeLines(line0, row);
      line0 = row;
      let colWidth = opts.minwidth;
      for (; row < line1; row++) {
        const cells = lines[row] ?? [];
        if (column >= cells.length - 1) break;
        const w = (cellWidths[row]?.[column] ?? 0) + opts.padding;
        if (w > colWidth) colWidth = w;
      }
      if (remembered) {
        // liggitt/tabwriter format(): maxwidths per column index, kept across flushes.
        if (remembered.length < widths.length) remembered.push(...widths.slice(remembered.length));
        const kept = remembered[column];
        if (kept === undefined) remembered.push(colWidth);
        else if (kept > colWidth) colWidth = kept;
        else remembered[column] = colWidth;
      }
      widths.push(colWidth);
      format(line0, row);
      widths.pop();
      line0 = row;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}

/** Rows of cells → tab-separated text (each row ends with a newline). */
export function tabRows(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.join('\t') + '\n').join('');
}

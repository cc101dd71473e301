/** Approximate width of one character of the 11 px segment labels. */
export const CHAR_W = 6.4;

/** The label, or its short form (`False (Reason)` → `False`), if it fits in `px`; else ''. */
export function fitLabel(label: string, px: number): string {
  if (label.length * CHAR_W <= px) return label;
  const short = label.replace(/ \(.*\)$/, '');
  return short !== label && short.length * CHAR_W <= px ? short : '';
}

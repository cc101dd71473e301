import type { SourceRange } from '../../k8s/types.ts';

/** What the page can ask of the (lazily loaded) editor. */
export interface EditorHandle {
  getValue(): string;
  /** Highlights and reveals a range (a clicked timeline mark's cause field). */
  highlight(range: SourceRange): void;
  revealLine(line: number, column?: number): void;
  focus(): void;
  /** All markers on the model, by owner (for tests and the Problems list). */
  getMarkers(): { owner: string; message: string; line: number; severity: number }[];
}

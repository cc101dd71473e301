import { describe, expect, it } from 'vitest';
import { typedWorkReplaced } from './typedWork.ts';

describe('typedWorkReplaced', () => {
  it.each([
    ['typed text replaced by a link: kept', 'mine', undefined, 'link', 'mine'],
    ['a link’s text edited, then replaced: kept', 'link + edit', 'link', 'other', 'link + edit'],
    ['an unedited link replaced by another: nothing typed', 'link', 'link', 'other', undefined],
    ['replaced by the same text: nothing lost', 'mine', undefined, 'mine', undefined],
    ['an empty editor: nothing to keep', '  \n', undefined, 'link', undefined],
  ])('%s', (_name, current, opened, next, want) => {
    expect(typedWorkReplaced(current, opened, next)).toBe(want);
  });
});

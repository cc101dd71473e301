/**
 * Keyboard behaviour of the YAML editor: Enter makes a new line unless the suggestion list was
 * opened deliberately (Ctrl+Space); Esc, with no widget open, leaves the editor; Ctrl+M
 * (Ctrl+Shift+M on macOS) toggles Tab-moves-focus (Monaco's toggleTabFocusMode, imported in
 * monaco.ts). Typing at human speed therefore never accepts a suggestion by accident.
 */
import type { monaco } from './monaco.ts';

type Monaco = typeof monaco;

/** Editor options that go with these keys. */
export const KEY_OPTIONS = {
  acceptSuggestionOnEnter: 'off',
  tabCompletion: 'off',
} as const;

export function installEditorKeys(
  m: Monaco,
  editor: monaco.editor.IStandaloneCodeEditor,
  onEscape: () => void,
): void {
  const invoked = editor.createContextKey<boolean>('podlabSuggestInvoked', false);
  editor.addCommand(m.KeyMod.CtrlCmd | m.KeyCode.Space, () => {
    invoked.set(true);
    editor.trigger('keyboard', 'editor.action.triggerSuggest', {});
  });
  editor.addCommand(
    m.KeyCode.Enter,
    () => {
      invoked.set(false);
      editor.trigger('keyboard', 'acceptSelectedSuggestion', {});
    },
    'suggestWidgetVisible && podlabSuggestInvoked',
  );
  let line = editor.getPosition()?.lineNumber;
  editor.onDidChangeCursorPosition((e) => {
    if (e.position.lineNumber !== line) invoked.set(false);
    line = e.position.lineNumber;
  });
  editor.addCommand(
    m.KeyCode.Escape,
    onEscape,
    '!suggestWidgetVisible && !findWidgetVisible && !inSnippetMode && !editorHasMultipleSelections && !markersNavigationVisible && !parameterHintsVisible',
  );
}

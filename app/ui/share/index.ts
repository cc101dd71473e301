/**
 * What the page mounts from the share / gallery / export helpers.
 *
 * On load:    const initial = readInitialState(window.location, window.localStorage);
 *             const embed = readEmbedOptions(window.location.search);
 *             <InitialNotice error={initial.error} replaced={initial.replaced} onRestore={setYaml} />
 * Always:     useAutosave(yaml); useUrlSync(yaml, cursor, view); useHashNavigation(state => …);
 * In header:  <GalleryButton currentYaml={yaml} onOpen={setYaml} />
 *             <ShareButton yaml={yaml} t={cursor} onOpenFile={setYaml} />
 *             <ExportMenu yaml={yaml} result={result} getTimelineSvg={() => svgRef.current} />
 */
export { readInitialState, defaultYaml, DEFAULT_EXAMPLE } from './readInitialState.ts';
export type { InitialState, InitialSource } from './initialState.ts';
export { readEmbedOptions, embedSearch } from './embedOptions.ts';
export type { EmbedOptions, EmbedTheme } from './embedOptions.ts';
export { useUrlSync } from './useUrlSync.ts';
export { useAutosave } from './useAutosave.ts';
export { useHashNavigation } from './useHashNavigation.ts';
export { ShareButton } from './ShareButton.tsx';
export type { ShareButtonProps } from './ShareButton.tsx';
export { InitialNotice } from './InitialNotice.tsx';
export { ExportMenu } from './ExportMenu.tsx';
export type { ExportMenuProps } from './ExportMenu.tsx';
export { GalleryButton } from '../gallery/GalleryButton.tsx';
export type { GalleryButtonProps } from '../gallery/GalleryButton.tsx';
export { buildShareLinks, playgroundLink } from './shareLinks.ts';

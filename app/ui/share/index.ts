/**
 * What the page mounts from the share / gallery / export helpers.
 *
 * On load:    const initial = readInitialState(window.location, pageStorage);
 *             const work = useWork(initial); const embed = readEmbedOptions(window.location.search);
 *             <StorageWarning /> <InitialNotice error previous why onRestore={work.restore} onDiscard />
 * Always:     const { flush, typed } = useAutosave(work.yaml, work.edited); useUrlSync(yaml, cursor, view, flush);
 *             useHashNavigation(state => work.open(state.yaml));
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
export { useWork } from './useWork.ts';
export type { Work } from './useWork.ts';
export { pageStorage, useStorageFailure } from './pageStorage.ts';
export { forgetPrevious } from './autosave.ts';
export { StorageWarning } from './StorageWarning.tsx';
export { useHashNavigation } from './useHashNavigation.ts';
export { ShareButton } from './ShareButton.tsx';
export type { ShareButtonProps } from './ShareButton.tsx';
export { InitialNotice } from './InitialNotice.tsx';
export { ExportMenu } from './ExportMenu.tsx';
export type { ExportMenuProps } from './ExportMenu.tsx';
export { GalleryButton } from '../gallery/GalleryButton.tsx';
export type { GalleryButtonProps } from '../gallery/GalleryButton.tsx';
export { buildShareLinks, playgroundLink } from './shareLinks.ts';

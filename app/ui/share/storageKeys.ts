/** localStorage keys. The version suffix lets a format move on without misreading old data. */
/** The autosave: a JSON record of the text, the address-bar fragment it was saved under, and more. */
export const AUTOSAVE_KEY = 'podlab.autosave.v2';
/** The autosave before v2: the bare text (read when there is no v2 record, never written). */
export const LEGACY_AUTOSAVE_KEY = 'podlab.scenario.v1';
/** Typed text that opening a link, an example or a file replaced (offered back in a banner). */
export const PREVIOUS_KEY = 'podlab.previous.v1';

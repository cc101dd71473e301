/** localStorage keys. The `.v1` suffix lets a future format move on without misreading old data. */
export const AUTOSAVE_KEY = 'podlab.scenario.v1';
/** The scenario that opening a link or an example replaced (offered back in a banner). */
export const PREVIOUS_KEY = 'podlab.previous.v1';

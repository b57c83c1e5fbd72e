/** The minutes editor: what the minutes feature page uses. */
export { MinutesEditor, type MinutesEditorHandle } from './MinutesEditor';
export { CAPTURE_DECISION_COMMAND, INSERT_TIMESTAMP_COMMAND, REMOVE_FLAG_COMMAND, REQUEST_FLAG_COMMAND } from './commands';
export * from './nodes';
export { $hasFlagMark, $wrapSelectionInFlag } from './flags';
export { type MinutesCallbacks } from './register';
export { type ChangeMeta } from './meta';
export { type SavedForm, type SlicedRead } from './serialize';

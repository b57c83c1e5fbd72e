/** The minutes editor: what the minutes feature page uses. */
export { MinutesEditor, type MinutesEditorHandle, type MinutesEditorProps } from './MinutesEditor';
export { createMinutesEditorConfig, MINUTES_NAMESPACE, MINUTES_THEME, type MinutesEditorConfig } from './config';
export {
  CAPTURE_ACTION_COMMAND,
  CAPTURE_DECISION_COMMAND,
  FLAG_SELECTION_COMMAND,
  INSERT_TIMESTAMP_COMMAND,
  OPEN_LINK_EDITOR_COMMAND,
  REMOVE_FLAG_COMMAND,
  REQUEST_FLAG_COMMAND,
  SET_BLOCK_TYPE_COMMAND,
  SHOW_HINT_COMMAND,
  type BlockType,
} from './commands';
export { MINUTES_NODES } from './nodes';
export * from './nodes';
export { $collectFlagIds, $insertTextAtFlagEdge, $removeFlag, $wrapSelectionInFlag, FLAG_EXCERPT_MAX, registerFlagTyping, type FlagExcerpt } from './flags';
export { $captureRecord, $collectRecords, type RecordRef } from './records';
export { $insertTimestamp } from './timestamps';
export { $selectWordAtCaret } from './caret';
export { registerMinutesCommands, type MinutesCallbacks } from './register';
export { SHORTCUTS, matchShortcut, shortcutText, type ShortcutId } from './shortcuts';
export { $insertCleanedDataTransfer, cleanPastedDocument, $cleanImportedNodes, IMAGE_OMITTED, EMBED_OMITTED, TABLE_NOTE } from './paste';
export { countWords, type ChangeMeta } from './plugins/ChangePlugin';
export { createHeadlessMinutesEditor, serializeEditor } from './headless';

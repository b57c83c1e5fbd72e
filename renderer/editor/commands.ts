import { createCommand, type LexicalCommand } from 'lexical';

/**
 * The minutes editor's own commands. Lexical's and its packages' commands are used as they are for the rest:
 * FORMAT_TEXT_COMMAND (bold/italic/underline), UNDO_COMMAND / REDO_COMMAND, INSERT_UNORDERED_LIST_COMMAND /
 * INSERT_ORDERED_LIST_COMMAND / REMOVE_LIST_COMMAND (@lexical/list), TOGGLE_LINK_COMMAND (@lexical/link).
 */

/** Inserts a TimestampNode ("[10:42]") and a space at the caret, or in a new last paragraph if the editor has no caret. `at` defaults to now. */
export const INSERT_TIMESTAMP_COMMAND: LexicalCommand<{ at?: string } | undefined> = createCommand('INSERT_TIMESTAMP_COMMAND');

/**
 * Turns the caret's block (a paragraph, heading or quote) into a DecisionNode / ActionNode, or inserts a new empty one
 * after it (in a list, or in another decision/action). With `{ recordId }` the record already exists (created by the
 * page through the backend) and the block is converted at once. Without a payload the editor asks the page:
 * MinutesEditor's `onCapture(kind, text)` creates the record and resolves its id; the block is converted when it
 * resolves, and left as it is if it resolves null or rejects.
 */
export const CAPTURE_DECISION_COMMAND: LexicalCommand<{ recordId: string } | undefined> = createCommand('CAPTURE_DECISION_COMMAND');
export const CAPTURE_ACTION_COMMAND: LexicalCommand<{ recordId: string } | undefined> = createCommand('CAPTURE_ACTION_COMMAND');

/** Wraps the current selection in flag `id` (the flag record was created by the page; reason asked first). */
export const FLAG_SELECTION_COMMAND: LexicalCommand<string> = createCommand('FLAG_SELECTION_COMMAND');
/** Removes flag `id` from the whole section (unflag). */
export const REMOVE_FLAG_COMMAND: LexicalCommand<string> = createCommand('REMOVE_FLAG_COMMAND');
/** The user asked to flag the selection: MinutesEditor calls `onRequestFlag(text)` and, given an id, FLAG_SELECTION_COMMAND. */
export const REQUEST_FLAG_COMMAND: LexicalCommand<undefined> = createCommand('REQUEST_FLAG_COMMAND');

export type BlockType = 'paragraph' | 'h1' | 'h2' | 'h3' | 'quote';
/** Sets the selected blocks' type (a heading toggles back to a paragraph when applied twice). */
export const SET_BLOCK_TYPE_COMMAND: LexicalCommand<BlockType> = createCommand('SET_BLOCK_TYPE_COMMAND');

/** Opens the small link editor for the selection (insert, edit or remove a link). */
export const OPEN_LINK_EDITOR_COMMAND: LexicalCommand<undefined> = createCommand('OPEN_LINK_EDITOR_COMMAND');

/** A short message for the officer in the editor's status line, e.g. what to select before flagging. */
export const SHOW_HINT_COMMAND: LexicalCommand<string> = createCommand('SHOW_HINT_COMMAND');

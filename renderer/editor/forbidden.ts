import { TextNode, type LexicalEditor } from 'lexical';
import { hasForbiddenChars, replaceForbiddenChars } from '../../shared/text/forbidden-chars';

/**
 * No text of the editor may hold a character the dispatcher refuses (NUL, an unpaired surrogate, U+FFFE/U+FFFF:
 * shared/text/forbidden-chars.ts): one would make every later save of the whole section refused. Paste and drop clean
 * them (paste.ts), but text also arrives by an input method, a character picker, dictation or the DOM (a beforeinput
 * insertText, a composition, a mutation). This transform runs on every text node any update changed, whatever the
 * path, and replaces each such character with a visible U+FFFD, as paste does. One UTF-16 unit for one: the caret
 * and the selection keep their offsets. (A timestamp's or a tab's text is the app's own, never typed.)
 */
export function registerForbiddenCharCleaning(editor: LexicalEditor): () => void {
  return editor.registerNodeTransform(TextNode, (node) => {
    const text = node.getTextContent();
    if (hasForbiddenChars(text)) node.setTextContent(replaceForbiddenChars(text));
  });
}

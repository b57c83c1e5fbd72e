import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef } from 'react';
import { registerMinutesCommands, type MinutesCallbacks } from '../register';

/** Registers the minutes commands and shortcuts (register.ts); renders nothing. */
export function MinutesCommandsPlugin(props: MinutesCallbacks): null {
  const [editor] = useLexicalComposerContext();
  const latest = useRef(props);
  latest.current = props;
  useEffect(() => registerMinutesCommands(editor, () => latest.current), [editor]);
  return null;
}

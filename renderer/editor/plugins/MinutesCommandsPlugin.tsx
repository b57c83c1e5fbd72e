import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { registerMinutesCommands, type MinutesCallbacks } from '../register';
import { useLatest } from '../../ui/useLatest';

/** Registers the minutes commands and shortcuts (register.ts); renders nothing. */
export function MinutesCommandsPlugin(props: MinutesCallbacks): null {
  const [editor] = useLexicalComposerContext();
  const latest = useLatest(props);
  useEffect(() => registerMinutesCommands(editor, () => latest.current), [editor, latest]);
  return null;
}

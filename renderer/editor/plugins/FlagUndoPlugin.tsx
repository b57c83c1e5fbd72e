import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef } from 'react';
import { registerFlagUndoTracking } from '../flag-undo';

/** The ids of the flags whose marks an undo removed and no redo has brought back yet (per editor). */
export interface UndoneFlags {
  current: Set<string>;
}

/** Reports flag marks removed by undo (see registerFlagUndoTracking). A listener only: no UI. */
export function FlagUndoPlugin(props: { undone: UndoneFlags; onLifted?: (ids: string[]) => void }): null {
  const [editor] = useLexicalComposerContext();
  const onLifted = useRef(props.onLifted);
  onLifted.current = props.onLifted;
  const undone = props.undone;
  useEffect(() => registerFlagUndoTracking(editor, undone.current, (ids) => onLifted.current?.(ids)), [editor, undone]);
  return null;
}

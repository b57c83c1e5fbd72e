import type { HistoryState } from '@lexical/history';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { registerFlagUndoTracking } from '../flag-undo';
import { useLatest } from '../../ui/useLatest';

/** The ids of the flags whose marks an undo removed and no redo has brought back yet (per editor). */
export interface UndoneFlags {
  current: Set<string>;
}

/** Reports flag marks removed by undo (see registerFlagUndoTracking). A listener only: no UI. */
export function FlagUndoPlugin(props: { history: HistoryState; undone: UndoneFlags; onLifted?: (ids: string[]) => void }): null {
  const [editor] = useLexicalComposerContext();
  const onLifted = useLatest(props.onLifted);
  const { undone, history } = props;
  useEffect(() => registerFlagUndoTracking(editor, history, undone.current, (ids) => onLifted.current?.(ids)), [editor, history, undone, onLifted]);
  return null;
}

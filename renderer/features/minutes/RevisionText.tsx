import type { ReactNode } from 'react';
import type { SerializedDoc } from '../../../shared/editor/doc-model';
import { walkSection, type Atom } from '../../../shared/redaction/walk';

/**
 * A stored section as the revision viewer shows it: one line per block, read by the one reader of stored minutes,
 * with every flagged passage marked as in the editor (hatched, and labelled for screen readers). Content the reader
 * cannot judge is said so, not shown.
 */
export function RevisionText({ content }: { content: SerializedDoc }) {
  const blocks: ReactNode[] = [];
  try {
    walkSection(content, 'revision', (shape, atoms) => {
      const prefix = shape.kind === 'listItem' ? `${'  '.repeat(shape.depth)}• ` : shape.kind === 'decision' ? 'Decision: ' : shape.kind === 'action' ? 'Action: ' : '';
      blocks.push(
        <p key={blocks.length} className={`rev-block rev-${shape.kind}`}>
          {prefix}
          {runs(atoms)}
        </p>,
      );
    });
  } catch (e) {
    return <p className="error-note">This revision cannot be shown: {e instanceof Error ? e.message : String(e)}</p>;
  }
  return <div className="rev-text" aria-label="Text of the selected revision">{blocks.length ? blocks : <p className="muted">(empty)</p>}</div>;
}

function runs(atoms: readonly Atom[]): ReactNode[] {
  const out: ReactNode[] = [];
  let i = 0;
  while (i < atoms.length) {
    const flagged = atoms[i]!.flagIds !== null;
    let text = '';
    while (i < atoms.length && (atoms[i]!.flagIds !== null) === flagged) text += atoms[i++]!.text;
    out.push(
      flagged ? (
        <mark key={out.length} className="tfs-flag" title="Flagged: not for publication">
          <span className="sr-only">[flagged] </span>
          {text}
        </mark>
      ) : (
        text
      ),
    );
  }
  return out;
}

import type { ReactNode } from 'react';
import type { SerializedDoc } from '../../../shared/editor/doc-model';
import { sectionTree, type Atom, type ReadBlock } from '../../../shared/redaction/walk';

/**
 * A stored section as the revision viewer shows it: one line per block, read by the one reader of stored minutes,
 * with every flagged passage marked as in the editor (hatched, and labelled for screen readers). Content the reader
 * cannot judge is said so, not shown.
 */
export function RevisionText({ content }: { content: SerializedDoc }) {
  const blocks: ReactNode[] = [];
  const line = ({ shape, atoms }: ReadBlock, key: number) => {
    const prefix = shape.kind === 'listItem' ? `${'  '.repeat(shape.depth)}• ` : shape.kind === 'decision' ? 'Decision: ' : shape.kind === 'action' ? 'Action: ' : '';
    return (
      <p key={key} className={`rev-block rev-${shape.kind}`}>
        {prefix}
        {runs(atoms)}
      </p>
    );
  };
  // Read first (the reader refuses what it cannot judge), then lay out: no JSX inside the try.
  let tree: ReturnType<typeof sectionTree>;
  try {
    tree = sectionTree(content, 'revision');
  } catch (e) {
    return <p className="error-note">This revision cannot be shown: {e instanceof Error ? e.message : String(e)}</p>;
  }
  for (const n of tree) {
    if (n.kind === 'block') blocks.push(line(n.block, blocks.length));
    else
      blocks.push(
        <table key={blocks.length} className="rev-table">
          <tbody>
            {n.rows.map((r, i) => (
              <tr key={i}>
                {r.cells.map((c, j) => {
                  const Cell = c.header || r.header ? 'th' : 'td';
                  return (
                    <Cell key={j} colSpan={c.colSpan > 1 ? c.colSpan : undefined} rowSpan={c.rowSpan > 1 ? c.rowSpan : undefined}>
                      {c.blocks.map(line)}
                    </Cell>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>,
      );
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

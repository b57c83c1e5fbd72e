import { Fragment, memo, type ReactNode } from 'react';
import type { WithheldDisplay } from '../../../shared/domain/meeting';
import type { PublicationBlocker, PublicCellBlock, PublicInline, PublicSummary, PublicTable, SummaryBlock } from '../../../shared/redaction/public-model';
import type { PreviewResult } from './previewInput';
import { excerpt } from '../../../shared/domain/minutes-labels';
import { listLabel } from '../../../shared/format/list-labels';

/**
 * Renders the public summary model, and only it: each block of the model is one element here, as it is one paragraph
 * in the DOCX, with the same words (a test compares the two). A redacted passage is the marker in a boxed, monospaced
 * style (not colour alone). Links show their text; the URL is in the tooltip, and they are not clickable. List
 * numbers and bullets are drawn by CSS, as Word numbers its lists, so neither is part of the text.
 */
export function PublicPreview({ result, withheldDisplay, stale }: { result: PreviewResult | null; withheldDisplay: WithheldDisplay; stale?: boolean }) {
  if (!result) return <p className="muted">Building the preview…</p>;
  if (!result.ok && result.notBuilt)
    return (
      <p className="muted pv-error" role="status">
        No preview right now. {result.message}
      </p>
    );
  if (!result.ok)
    return (
      <div className="error-note pv-error" role="alert">
        <strong>No preview: the redaction refused these minutes.</strong> {result.message} The public summary cannot be produced until this is fixed.
      </div>
    );
  const s = result.summary;
  const itemNo = listNumbers(s.blocks);
  return (
    <>
      {s.blockers.length > 0 && <Blockers summary={s} />}
      <article className={stale ? 'pv-doc stale' : 'pv-doc'} aria-label="Public summary preview" data-testid="public-preview">
        <p className="pv-body">{s.bodyName}</p>
        {s.blocks.map((b) => (
          <TopBlock key={keyOf(b)} b={b} n={itemNo.get(b) ?? 0} numbers={itemNo} marker={s.marker} />
        ))}
        <p className="pv-foot sub">
          Withheld items are {withheldDisplay === 'omit' ? 'left out of the summary' : 'shown by title only, with “Not published.”'} (set on the meeting page).
        </p>
      </article>
    </>
  );
}

/**
 * A block of the summary rendered again only when it is another block: the worker's answer brings an unchanged block
 * back as the same object (previewBlocks.ts), so a long meeting's preview renders the blocks that changed, not all of
 * them. Keyed by the block itself, so that a block added or removed above does not make every later one another.
 */
const TopBlock = memo(Block, (a, b) => a.b === b.b && a.n === b.n && a.marker === b.marker && (a.b.kind !== 'table' || a.numbers === b.numbers));
const blockKeys = new WeakMap<object, number>();
let lastKey = 0;
function keyOf(b: SummaryBlock): number {
  let k = blockKeys.get(b);
  if (k === undefined) blockKeys.set(b, (k = ++lastKey));
  return k;
}

/** Each blocked passage by its words, where it would be printed, and (another meeting's) whose flag it is, or which withheld item's words. */
function BlockerList({ blockers }: { blockers: readonly PublicationBlocker[] }) {
  return (
    <ul>
      {blockers.map((b, i) => (
        <li key={`${b.flagId} ${i}`}>
          “{excerpt(b.excerpt, 80)}” under “{b.where}”{b.printedAs ? `, written there as “${excerpt(b.printedAs, 80)}”` : ''}
          {b.flaggedIn ? `, flagged in the minutes of ${b.flaggedIn}` : ''}
          {b.withheldIn ? `, from the withheld item “${b.withheldIn}”` : ''}
        </li>
      ))}
    </ul>
  );
}

function Blockers({ summary }: { summary: PublicSummary }) {
  const own = summary.blockers.filter((b) => b.kind === 'mark_missing');
  const printed = summary.blockers.filter((b) => b.kind === 'printed');
  const other = summary.blockers.filter((b) => b.kind === 'elsewhere');
  const withheld = summary.blockers.filter((b) => b.kind === 'withheld');
  return (
    <div className="error-note pv-blocked" role="alert" data-testid="preview-blocked">
      <strong>The public summary cannot be exported yet.</strong>
      {own.length > 0 && (
        <>
          {' '}
          These passages are still flagged as not for publication, but their mark is gone from the minutes, so they would be printed:
          <BlockerList blockers={own} />
          Use <em>Flag again</em> in the Flags panel, or <em>Lift flag</em> if the passage may be published.
        </>
      )}
      {printed.length > 0 && (
        <>
          {' '}
          {printed.length === 1 ? 'This passage is' : 'These passages are'} flagged in these minutes, and would be printed without a flag:
          <BlockerList blockers={printed} />
          Flag the copy too, or remove it. Text that cannot be flagged (an item’s title, the meeting’s details) must be changed, or the flag lifted if the
          passage may be published.
        </>
      )}
      {other.length > 0 && (
        <>
          {' '}
          {other.length === 1 ? 'This passage is' : 'These passages are'} flagged as not for publication in another meeting’s minutes, and would be printed
          here:
          <BlockerList blockers={other} />
          A flag keeps its passage out of every public file: flag it here too, or remove it (or lift the flag in its own meeting if it may be published).
        </>
      )}
      {withheld.length > 0 && (
        <>
          {' '}
          {withheld.length === 1 ? 'These words of a withheld item are' : 'Words of withheld items are'} in a published item, and would be printed:
          <BlockerList blockers={withheld} />
          Rephrase or remove them there, flag them in both items, or publish the withheld item if its minutes may be published.
        </>
      )}
    </div>
  );
}

/** The number of every list item, table cells' included, in document order (numbering restarts per list). */
function listNumbers(blocks: readonly SummaryBlock[]): Map<object, number> {
  const counters = new Map<number, number>();
  const out = new Map<object, number>();
  const count = (b: SummaryBlock | PublicCellBlock) => {
    if (b.kind === 'listItem') out.set(b, counters.set(b.list, (counters.get(b.list) ?? 0) + 1).get(b.list)!);
  };
  for (const b of blocks) {
    if (b.kind === 'table') for (const r of b.rows) for (const c of r.cells) c.blocks.forEach(count);
    else count(b);
  }
  return out;
}

/**
 * A table of the minutes: a real table, header rows in a thead. Each block of a cell is one [data-pv-block] element (an
 * empty cell one empty one), as each is one paragraph in the DOCX.
 */
function TableBlock({ t, numbers, marker }: { t: PublicTable; numbers: Map<object, number>; marker: string }): ReactNode {
  const lead = t.rows.findIndex((r) => !r.header);
  const headRows = lead === -1 ? t.rows.length : lead;
  const row = (r: PublicTable['rows'][number], i: number) => (
    <tr key={i}>
      {r.cells.map((c, j) => {
        const Cell = c.header || r.header ? 'th' : 'td';
        return (
          <Cell key={j} colSpan={c.colSpan > 1 ? c.colSpan : undefined} rowSpan={c.rowSpan > 1 ? c.rowSpan : undefined}>
            {c.blocks.length === 0 ? <p className="pv-p" data-pv-block="" /> : c.blocks.map((b, k) => <Block key={k} b={b} n={numbers.get(b) ?? 0} numbers={numbers} marker={marker} />)}
          </Cell>
        );
      })}
    </tr>
  );
  return (
    <table className="pv-table">
      {headRows > 0 && <thead>{t.rows.slice(0, headRows).map(row)}</thead>}
      <tbody>{t.rows.slice(headRows).map((r, i) => row(r, i + headRows))}</tbody>
    </table>
  );
}

function Block({ b, n, numbers, marker }: { b: SummaryBlock | PublicCellBlock; n: number; numbers: Map<object, number>; marker: string }): ReactNode {
  switch (b.kind) {
    case 'table':
      return <TableBlock t={b} numbers={numbers} marker={marker} />;
    case 'title':
      return <h3 className="pv-title" data-pv-block="">{b.text}</h3>;
    case 'subtitle':
      return <p className="pv-subtitle" data-pv-block="">{b.text}</p>;
    case 'meta':
      return <p className="pv-date" data-pv-block="">{b.text}</p>;
    case 'heading':
      return (
        <p className={`pv-h pv-h${Math.min(b.level, 4)}`} role="heading" aria-level={Math.min(6, b.level + 3)} data-pv-block="">
          <Inlines inlines={b.inlines} marker={marker} />
        </p>
      );
    case 'quote':
      return (
        <blockquote className="pv-quote" data-pv-block="">
          <Inlines inlines={b.inlines} marker={marker} />
        </blockquote>
      );
    case 'record':
      return (
        <p className={`pv-record pv-${b.record}`} data-pv-block="">
          <Inlines inlines={b.inlines} marker={marker} />
        </p>
      );
    case 'listItem':
      return (
        <p className={`pv-li ${b.ordered ? 'pv-ol' : 'pv-ul'}`} data-n={listLabel(b.ordered, b.depth, n)} style={{ paddingLeft: `${(b.ordered ? 2.1 : 1.1) + b.depth * 1.2}em` }} data-pv-block="">
          <Inlines inlines={b.inlines} marker={marker} />
        </p>
      );
    default:
      return (
        <p className={'note' in b && b.note ? 'pv-p pv-note' : 'pv-p'} data-pv-block="">
          <Inlines inlines={b.inlines} marker={marker} />
        </p>
      );
  }
}

function Inlines({ inlines, marker }: { inlines: readonly PublicInline[]; marker: string }): ReactNode {
  return inlines.map((x, i) => <Fragment key={i}>{inline(x, marker)}</Fragment>);
}

function inline(x: PublicInline, marker: string): ReactNode {
  switch (x.kind) {
    case 'redacted':
      return (
        <span className="pv-redacted" title="A passage flagged as not for publication">
          {marker}
        </span>
      );
    case 'break':
      return <br />;
    case 'tab':
      return '\t';
    case 'link':
      return (
        <span className="pv-link" title={x.url}>
          <Inlines inlines={x.children} marker={marker} />
        </span>
      );
    default: {
      let node: ReactNode = x.text;
      if (x.code) node = <code>{node}</code>;
      if (x.subscript) node = <sub>{node}</sub>;
      if (x.superscript) node = <sup>{node}</sup>;
      if (x.strike) node = <s>{node}</s>;
      if (x.bold) node = <strong>{node}</strong>;
      if (x.italic) node = <em>{node}</em>;
      if (x.underline) node = <u>{node}</u>;
      return node;
    }
  }
}

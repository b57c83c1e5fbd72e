import { formatLongDate } from '../../../shared/format/dates';
import { Fragment, type ReactNode } from 'react';
import type { WithheldDisplay } from '../../../shared/domain/meeting';
import type { PublicBlock, PublicDocument, PublicInline } from '../../../shared/redaction/public-model';
import { WITHHELD_NOTE } from '../../../shared/redaction/redact';
import type { PreviewResult } from './previewInput';

/**
 * Renders the public document model, and only it: what redact() let through is all this component ever sees.
 * A redacted passage is the marker in a boxed, monospaced style (not colour alone). Links are shown as their text
 * followed by the URL, and are not clickable: the preview is for reading what will be published.
 */
export function PublicPreview({ result, withheldDisplay, stale }: { result: PreviewResult | null; withheldDisplay: WithheldDisplay; stale?: boolean }) {
  if (!result) return <p className="muted">Building the preview…</p>;
  if (!result.ok)
    return (
      <div className="error-note pv-error" role="alert">
        <strong>No preview: the redaction refused these minutes.</strong> {result.message} The public summary cannot be produced until this is fixed.
      </div>
    );
  const doc = result.doc;
  return (
    <article className={stale ? 'pv-doc stale' : 'pv-doc'} aria-label="Public summary preview" data-testid="public-preview">
      <p className="pv-body">{doc.bodyName}</p>
      <h3 className="pv-title">{doc.meetingTitle}</h3>
      <p className="pv-date">{formatLongDate(doc.date)}</p>
      {doc.organisations.length > 0 && <p className="pv-orgs">Participants: {doc.organisations.join(', ')}</p>}
      {doc.sections.map((s) => (
        <section key={s.key} className={s.withheld ? 'pv-section withheld' : 'pv-section'} data-preview-key={s.key}>
          <h4>{[s.number, s.title].filter((x) => x !== '').join(' ')}</h4>
          {s.withheld && <p className="pv-withheld">{WITHHELD_NOTE}</p>}
          <Blocks blocks={s.blocks} marker={doc.marker} />
        </section>
      ))}
      <p className="pv-foot sub">
        Withheld items are {withheldDisplay === 'omit' ? 'left out of the summary' : 'shown by title only, with “Not published.”'} (set on the meeting page).
      </p>
    </article>
  );
}

function Blocks({ blocks, marker }: { blocks: PublicBlock[]; marker: string }) {
  const counters: number[] = [];
  return (
    <>
      {blocks.map((b, i) => {
        const inl = <Inlines inlines={b.inlines} marker={marker} />;
        if (b.kind !== 'listItem') counters.length = 0;
        switch (b.kind) {
          case 'heading':
            return (
              <p key={i} className={`pv-h pv-h${Math.min(b.level, 3)}`}>
                {inl}
              </p>
            );
          case 'quote':
            return (
              <blockquote key={i} className="pv-quote">
                {inl}
              </blockquote>
            );
          case 'decision':
            return (
              <p key={i} className="pv-record pv-decision">
                <strong>Decision: </strong>
                {inl}
              </p>
            );
          case 'action':
            return (
              <p key={i} className="pv-record pv-action">
                <strong>Action: </strong>
                {inl}
              </p>
            );
          case 'listItem': {
            counters.length = b.depth + 1;
            counters[b.depth] = (counters[b.depth] ?? 0) + 1;
            return (
              <p key={i} className="pv-li" style={{ paddingLeft: `${1.1 + b.depth * 1.2}em` }}>
                <span className="pv-li-mark" aria-hidden="true">
                  {b.ordered ? `${counters[b.depth]}.` : '•'}
                </span>
                {inl}
              </p>
            );
          }
          default:
            return (
              <p key={i} className="pv-p">
                {inl}
              </p>
            );
        }
      })}
    </>
  );
}

function Inlines({ inlines, marker }: { inlines: PublicInline[]; marker: string }): ReactNode {
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
        <span className="pv-link">
          <Inlines inlines={x.children} marker={marker} /> <span className="pv-url">({x.url})</span>
        </span>
      );
    default: {
      let node: ReactNode = x.text;
      if (x.bold) node = <strong>{node}</strong>;
      if (x.italic) node = <em>{node}</em>;
      if (x.underline) node = <u>{node}</u>;
      return node;
    }
  }
}

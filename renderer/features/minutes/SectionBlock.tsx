import { forwardRef, type ReactNode, type Ref } from 'react';
import type { Section } from '../../../shared/domain/minutes';
import type { SerializedDoc } from '../../../shared/editor/doc-model';
import { MinutesEditor, type ChangeMeta, type MinutesCallbacks, type MinutesEditorHandle } from '../../editor';
import type { SaveView } from './saveState';
import { typeAhead } from './typeAhead';

/** One section of the minutes: its heading, planned time, its own editor and its save state. */
export const SectionBlock = forwardRef(function SectionBlock(
  props: {
    section: Omit<Section, 'content'> & { textLength: number; lines: number };
    mountKey: string;
    /** Whether the editor is on the page; if not, a placeholder of about the section's height stands in. */
    mounted: boolean;
    /** Whether the section's content has arrived. */
    loaded: boolean;
    /** Its content failed to load and is being tried again. */
    loadFailed?: boolean;
    /** The content the editor starts from, or its JSON text (read once, when it mounts). */
    initialContent: () => SerializedDoc | string;
    /** The placeholder was focused or shown: mount the editor. */
    onNeeded: () => void;
    /** The placeholder lost the focus: to another element (`toOther`), or because it went (its editor came). */
    onPlaceholderBlur?: (toOther: boolean) => void;
    /** Keys typed into the placeholder, kept for the editor (typeAhead.ts); absent when nothing may be typed. */
    typed?: string;
    onTypeAhead?: (typed: string) => void;
    current: boolean;
    plannedMinutes: number;
    withheld: boolean;
    readOnly: boolean;
    save: SaveView;
    onDirty: () => void;
    onChange: (meta: ChangeMeta) => void;
    onFocus: () => void;
    onHistory: () => void;
    onOpenLink: (url: string) => void;
    callbacks: MinutesCallbacks & { onFlagsUndone?: (ids: string[]) => void; isMeetingFlag?: (id: string) => boolean };
    /** For an agenda item: whether it is published, and the switch to withhold it (agenda.update). */
    publication?: { published: boolean; withParent: boolean; locked: boolean; onToggle: (published: boolean) => void };
    /** Shown under the editor (the section's confidentiality suggestions). */
    footer?: ReactNode;
    /**
     * After a save refused because another window changed the section (its words kept in History): shows the section
     * as it now stands.
     */
    onShowStored?: () => void;
    /** Newer words of the section were saved in another window; they wait until the caret leaves it (useFollowSections). */
    newerElsewhere?: boolean;
  },
  ref: Ref<MinutesEditorHandle>,
) {
  const { section } = props;
  const label = section.number ? `${section.number} ${section.title}` : section.title;
  const save = props.save;
  return (
    <section
      className={`minutes-section${props.current ? ' current' : ''}${props.withheld ? ' withheld-item' : ''}`}
      id={`section-${section.key}`}
      data-section-key={section.key}
      aria-labelledby={`section-title-${section.key}`}
      onFocus={props.onFocus}
    >
      <header className="section-title">
        <h2 id={`section-title-${section.key}`}>
          {section.number && <span className="num">{section.number}</span>}
          {section.title}
        </h2>
        {props.withheld && !props.publication && <span className="badge withheld">Not for publication</span>}
        {props.plannedMinutes > 0 && <span className="sub">{props.plannedMinutes} min planned</span>}
        {save.label && (
          <span className={`save-state ${save.tone}`} role={save.tone === 'failed' ? 'alert' : undefined} title={save.detail}>
            {save.label}
            {save.tone === 'failed' && <span className="save-advice"> — {save.detail}</span>}
            {save.tone === 'failed' && props.onShowStored && (
              <button type="button" className="link show-stored" onClick={props.onShowStored}>
                Show the section as it now stands
              </button>
            )}
          </span>
        )}
        <button type="button" className="link" onClick={props.onHistory} aria-label={`Revision history of ${label}`}>
          History
        </button>
        {props.publication && <PublicationSwitch label={label} {...props.publication} />}
      </header>
      {props.newerElsewhere && (
        <p className="newer-elsewhere" role="status">
          Newer words were saved in another window: they show when the caret leaves the item. What you type here first is
          kept in its History, not saved over them.
        </p>
      )}
      {props.mounted ? (
      <MinutesEditor
        key={props.mountKey}
        ref={ref}
        sectionKey={section.key}
        initialContent={props.initialContent}
        readOnly={props.readOnly}
        ariaLabel={`Minutes of ${label}`}
        placeholder={props.current ? 'Type the minutes of this item…' : ''}
        onDirty={props.onDirty}
        onMetaChange={props.onChange}
        onOpenLink={props.onOpenLink}
        onCapture={props.callbacks.onCapture}
        onRequestFlag={props.callbacks.onRequestFlag}
        onFlagsUndone={props.callbacks.onFlagsUndone}
        isMeetingFlag={props.callbacks.isMeetingFlag}
      />
      ) : (
        <div
          className="section-placeholder"
          tabIndex={0}
          role="note"
          aria-label={`Minutes of ${label}: ${props.loaded ? 'shown when you reach them' : props.loadFailed ? 'not loaded, trying again' : 'loading'}`}
          aria-busy={!props.loaded}
          style={{ minHeight: `${placeholderEm(section.textLength, section.lines)}em` }}
          onFocus={props.onNeeded}
          onBlur={(e) => props.onPlaceholderBlur?.(e.relatedTarget !== null)}
          onKeyDown={(e) => {
            if (!props.onTypeAhead) return;
            const next = typeAhead(props.typed ?? '', { key: e.key, ctrlKey: e.ctrlKey, altKey: e.altKey, metaKey: e.metaKey, isComposing: e.nativeEvent.isComposing });
            if (next === null) return;
            e.preventDefault();
            props.onTypeAhead(next);
          }}
        >
          {props.typed && <span className="typed-ahead">{props.typed}</span>}
          {props.loaded ? null : props.loadFailed ? (
            <span className="load-failed">
              These minutes could not be loaded; trying again.{props.onTypeAhead ? ' What you type here is kept and goes in once they load.' : ''}
            </span>
          ) : (
            <span className="muted">Loading…</span>
          )}
        </div>
      )}
      {props.footer}
    </section>
  );
});

/** About the height of a section's text in the editor, in em: ~95 characters a line, a paragraph's margin per line break. */
export function placeholderEm(textLength: number, lines: number): number {
  return Math.max(3, Math.ceil(textLength / 95) * 1.5 + (lines + 1) * 0.75);
}

/**
 * Whether an agenda item is in the public summary, said plainly, and the one action that changes it: the state is a
 * badge ("In the public summary" / "Withheld from publication" / "Withheld with its parent item"), the button says
 * what pressing it does. Locked once the minutes are approved; a sub-item of a withheld item follows its parent.
 */
function PublicationSwitch(p: { label: string; published: boolean; withParent: boolean; locked: boolean; onToggle: (published: boolean) => void }) {
  const state = p.withParent ? 'Withheld with its parent item' : p.published ? 'In the public summary' : 'Withheld from publication';
  return (
    <span className={p.published && !p.withParent ? 'pub-switch' : 'pub-switch off'} data-testid="publication">
      <span className={p.published && !p.withParent ? 'badge published' : 'badge withheld'}>{state}</span>
      {!p.withParent && !p.locked && (
        <button type="button" className="link" onClick={() => p.onToggle(!p.published)}>
          {p.published ? 'Withhold from publication' : 'Publish this item'}
          <span className="sr-only"> — item {p.label}</span>
        </button>
      )}
    </span>
  );
}

import type { SerializedDoc } from '../../../shared/editor/doc-model';

/**
 * The sections of the live preview's source, sent to its worker as what changed since the last build (issue 16): a
 * long meeting's every section (4.7 MB at 12,000 paragraphs) was read from its editor and copied to the worker after
 * each pause in typing, one task of 59-73 ms on the page's thread with the preview shown, where one section changed.
 *
 * The page names each section's source with a token that stays the same while the section does (an editor's state,
 * which is immutable, or a section's stored JSON when it is in no editor) and reads it only when asked. The sender
 * reads and sends only the sections whose token differs from the one the worker got last; the worker (`SectionsHeld`)
 * fills in the others from its copy. The page keeps only the tokens. Order and membership are sent every time: a
 * section gone is dropped there too.
 */
export interface LazySection {
  key: string;
  /** The same value while the section's content is the same. */
  token: unknown;
  read(): SerializedDoc;
}

export interface Section {
  key: string;
  content: SerializedDoc;
}

export type WireSection = Section | { key: string; same: true };

/** Every section read (to build in the page). */
export function readSections(sections: readonly LazySection[]): Section[] {
  return sections.map((s) => ({ key: s.key, content: s.read() }));
}

/** The page's side: the tokens of what the worker holds, and what to send it for the next build. */
export class SectionsSender {
  private held = new Map<string, unknown>();

  /** The sections to send; `sent()` once the message left (it is copied as it is posted), else nothing was. */
  pack(sections: readonly LazySection[]): { wire: WireSection[]; sent: () => void } {
    const wire = sections.map((s): WireSection => (this.held.has(s.key) && this.held.get(s.key) === s.token ? { key: s.key, same: true } : { key: s.key, content: s.read() }));
    return {
      wire,
      sent: () => {
        this.held = new Map(sections.map((s) => [s.key, s.token]));
      },
    };
  }

  /** A new worker, or one that lost track, holds nothing. */
  reset(): void {
    this.held = new Map();
  }
}

/** The worker's side: the sections as they were last sent. */
export class SectionsHeld {
  private held = new Map<string, SerializedDoc>();

  /** The whole list, or null if a section sent as unchanged is not held (the page then sends them all). */
  unpack(wire: readonly WireSection[]): Section[] | null {
    const next = new Map<string, SerializedDoc>();
    for (const w of wire) {
      const content = 'content' in w ? w.content : this.held.get(w.key);
      if (!content) {
        this.held = new Map();
        return null;
      }
      next.set(w.key, content);
    }
    this.held = next;
    return wire.map((w) => ({ key: w.key, content: next.get(w.key)! }));
  }
}

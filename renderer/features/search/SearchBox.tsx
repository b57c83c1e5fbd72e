import { useEffect, useRef, useState } from 'react';
import { navigate, useRoute } from '../../app/router';
import './search.css';

/** True for Ctrl+Shift+F (⌘⇧F), or "/" typed outside any text field or editor. */
export function isSearchShortcut(e: Pick<KeyboardEvent, 'code' | 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'target'>): boolean {
  if ((e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.code === 'KeyF') return true;
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return false;
  const t = e.target as HTMLElement | null;
  const editing = !!t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
  return !editing;
}

/** The search field in the top bar, on every page: Enter opens the results. */
export function SearchBox() {
  const route = useRoute();
  const [q, setQ] = useState(route.name === 'search' ? route.q : '');
  const input = useRef<HTMLInputElement>(null);
  // A new search route puts its query in the field (adjusted while rendering, not in an effect: no extra render).
  const [shownRoute, setShownRoute] = useState(route);
  if (route !== shownRoute) {
    setShownRoute(route);
    if (route.name === 'search') setQ(route.q);
  }
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isSearchShortcut(e)) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  return (
    <form
      className="search-box"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        navigate({ name: 'search', q: q.trim() });
      }}
    >
      <label htmlFor="global-search" className="sr-only">
        Search all meetings
      </label>
      <input
        id="global-search"
        ref={input}
        type="search"
        placeholder="Search minutes and agendas"
        title='"Quotes" find a phrase; word* finds words that start so'
        value={q}
        onChange={(e) => setQ(e.target.value)}
        aria-keyshortcuts="Control+Shift+F /"
      />
      <kbd title="Ctrl+Shift+F, or / outside the editor">Ctrl+Shift+F</kbd>
    </form>
  );
}

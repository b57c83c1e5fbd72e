import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { AgendaItem } from '../../../shared/domain/agenda';
import { AGENDA_ITEM_KIND_LABEL, totalPlannedMinutes } from '../../../shared/domain/agenda-labels';
import { publicationStates } from '../../../shared/redaction/publication';
import { meetingMinutes } from '../../../shared/domain/meeting-labels';
import type { Meeting } from '../../../shared/domain/meeting';
import { addMinutes, formatDuration, formatTime } from '../../../shared/format/dates';
import { api } from '../../api';
import { useConfirm } from '../../ui/Dialog';
import { ErrorNote, useAction } from '../../ui/kit';
import { AgendaItemForm, emptyItem, itemValues, type ItemValues } from './AgendaItemForm';
import { dropMove, keyboardMove, type MoveTarget } from './reorder';

const KEY_MOVES: Record<string, 'up' | 'down' | 'indent' | 'outdent'> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowRight: 'indent',
  ArrowLeft: 'outdent',
};

/** Planned start of each item, from the meeting's start and the planned minutes of the items before it. */
function plannedStarts(meeting: Meeting, agenda: AgendaItem[]): Map<string, string> {
  const starts = new Map<string, string>();
  let t = meeting.startsAt;
  for (const it of agenda) {
    if (it.parentId === null) {
      starts.set(it.id, t);
      const children = agenda.filter((c) => c.parentId === it.id);
      let ct = t;
      for (const c of children) {
        starts.set(c.id, ct);
        ct = addMinutes(ct, c.plannedMinutes);
      }
      const own = it.plannedMinutes > 0 ? it.plannedMinutes : children.reduce((s, c) => s + c.plannedMinutes, 0);
      t = addMinutes(t, own);
    }
  }
  return starts;
}

export function AgendaEditor({
  meeting,
  agenda,
  onChange,
  onFormOpen,
}: {
  meeting: Meeting;
  agenda: AgendaItem[];
  onChange: (a: AgendaItem[]) => void;
  /** Whether an item's own form is open (one being edited, or one added under another): the page holds back changes from elsewhere. */
  onFormOpen?: (open: boolean) => void;
}) {
  const act = useAction();
  const add = useAction();
  const [confirmDialog, ask] = useConfirm();
  const [editing, setEditing] = useState<string | null>(null);
  const [addingUnder, setAddingUnder] = useState<string | null>(null);
  const [dragId, setDragId] = useState<string | null>(null);
  const [dropHint, setDropHint] = useState<{ id: string; after: boolean } | null>(null);
  const [announce, setAnnounce] = useState('');
  const formOpen = editing !== null || addingUnder !== null;
  useEffect(() => onFormOpen?.(formOpen), [formOpen, onFormOpen]);
  const focusAfter = useRef<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const publication = publicationStates(agenda);

  useEffect(() => {
    if (!focusAfter.current) return;
    listRef.current?.querySelector<HTMLElement>(`[data-handle="${focusAfter.current}"]`)?.focus();
    focusAfter.current = null;
  }, [agenda]);

  // Moves run one after another, each computed from the agenda the previous one returned: an officer pressing
  // Alt+← then Alt+↑ quickly must get both, in order, not the second computed from the agenda before the first.
  const latest = useRef(agenda);
  useEffect(() => {
    latest.current = agenda;
  }, [agenda]);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const move = (compute: (current: AgendaItem[]) => MoveTarget | null) => {
    queue.current = queue.current.then(async () => {
      const target = compute(latest.current);
      if (!target) return;
      const a = await act.run(() => api.call('agenda.move', target));
      if (a) {
        latest.current = a;
        focusAfter.current = target.id;
        onChange(a);
        const moved = a.find((i) => i.id === target.id);
        if (moved) setAnnounce(`“${moved.title}” is now item ${moved.number}.`);
      }
    });
  };

  const onHandleKey = (e: KeyboardEvent, id: string) => {
    const dir = KEY_MOVES[e.key];
    if (!dir || !e.altKey) return;
    e.preventDefault();
    move((current) => keyboardMove(current, id, dir));
  };

  const onDragOver = (e: DragEvent<HTMLLIElement>, id: string) => {
    if (!dragId) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    const r = e.currentTarget.getBoundingClientRect();
    const after = e.clientY > r.top + r.height / 2;
    if (dropHint?.id !== id || dropHint.after !== after) setDropHint({ id, after });
  };
  const onDrop = (e: DragEvent<HTMLLIElement>, id: string) => {
    e.preventDefault();
    const r = e.currentTarget.getBoundingClientRect();
    const after = e.clientY > r.top + r.height / 2;
    const from = dragId ?? e.dataTransfer.getData('text/plain');
    setDragId(null);
    setDropHint(null);
    if (from) move((current) => dropMove(current, from, id, after));
  };

  const addItem = async (v: ItemValues, parentId: string | null) => {
    const a = await add.run(() => api.call('agenda.add', { ...v, meetingId: meeting.id, parentId }));
    if (a) {
      onChange(a);
      setAddingUnder(null);
      setAnnounce(`Added “${v.title}”.`);
    }
    return !!a;
  };
  const saveItem = async (id: string, v: ItemValues) => {
    const a = await act.run(() => api.call('agenda.update', { id, ...v }));
    if (a) {
      onChange(a);
      setEditing(null);
      focusAfter.current = id;
    }
    return !!a;
  };
  const removeItem = async (item: AgendaItem) => {
    const subs = agenda.filter((i) => i.parentId === item.id).length;
    if (
      !(await ask({
        title: 'Remove this agenda item?',
        message: `Item ${item.number} “${item.title}”${subs ? ` and its ${subs} sub-item(s)` : ''} go to the trash; they can be restored for 30 days. Minutes typed under it are kept.`,
        confirm: 'Move to trash',
        danger: true,
      }))
    )
      return;
    const a = await act.run(() => api.call('agenda.remove', { id: item.id }));
    if (a) onChange(a);
  };

  const total = totalPlannedMinutes(agenda);
  const length = meetingMinutes(meeting);
  const starts = plannedStarts(meeting, agenda);

  return (
    <section className="agenda" aria-labelledby="agenda-heading">
      {confirmDialog}
      <div className="section-head">
        <h2 id="agenda-heading">Agenda</h2>
        <p className={total > length ? 'time-total over' : 'time-total'} aria-live="polite">
          Planned {formatDuration(total)} of {formatDuration(length)}
          {total > length ? ` — ${formatDuration(total - length)} over` : total < length ? ` — ${formatDuration(length - total)} free` : ''}
        </p>
      </div>
      <p className="hint">
        Reorder by dragging the handle, or focus it and press <kbd>Alt</kbd>+<kbd>↑</kbd>/<kbd>↓</kbd>; <kbd>Alt</kbd>+<kbd>→</kbd> makes a sub-item,{' '}
        <kbd>Alt</kbd>+<kbd>←</kbd> brings it back.
      </p>
      <ErrorNote error={act.error} onDismiss={() => act.setError(null)} />
      <div className="sr-only" aria-live="assertive">
        {announce}
      </div>
      {agenda.length === 0 && <p className="muted">No items yet. Add the first one below.</p>}
      <ol className="agenda-list" ref={listRef}>
        {agenda.map((item) => (
          <li
            key={item.id}
            className={[
              'agenda-row',
              item.parentId ? 'child' : 'top',
              dragId === item.id ? 'dragging' : '',
              dropHint?.id === item.id ? (dropHint.after ? 'drop-after' : 'drop-before') : '',
            ].join(' ')}
            data-testid={`agenda-item-${item.number}`}
            data-item-id={item.id}
            draggable
            onDragStart={(e) => {
              setDragId(item.id);
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('text/plain', item.id);
            }}
            onDragEnd={() => {
              setDragId(null);
              setDropHint(null);
            }}
            onDragOver={(e) => onDragOver(e, item.id)}
            onDrop={(e) => onDrop(e, item.id)}
          >
            <div className="row-main">
              <button
                type="button"
                className="handle"
                data-handle={item.id}
                aria-label={`Move item ${item.number} ${item.title}`}
                title="Drag, or Alt+arrow keys"
                onKeyDown={(e) => onHandleKey(e, item.id)}
              >
                ⠿
              </button>
              <span className="number">{item.number}</span>
              <span className="title">{item.title}</span>
              <span className={`kind kind-${item.kind}`}>{AGENDA_ITEM_KIND_LABEL[item.kind]}</span>
              <span className="presenter">{item.presenter}</span>
              <span className="time" title="Planned start and length">
                {formatTime(starts.get(item.id) ?? meeting.startsAt)} · {item.plannedMinutes} min
              </span>
              {publication.get(item.id) === 'withheld' && <span className="badge withheld">Withheld from publication</span>}
              {publication.get(item.id) === 'withheld_with_parent' && <span className="badge withheld">Withheld with its parent item</span>}
              <span className="row-actions">
                <button type="button" onClick={() => setEditing(editing === item.id ? null : item.id)} aria-expanded={editing === item.id} aria-label={`Edit item ${item.number}`}>
                  Edit
                </button>
                {item.parentId === null && (
                  <button type="button" onClick={() => setAddingUnder(item.id)} aria-label={`Add a sub-item to item ${item.number}`}>
                    + Sub-item
                  </button>
                )}
                <button type="button" className="danger" onClick={() => removeItem(item)} aria-label={`Remove item ${item.number}`}>
                  Remove
                </button>
              </span>
            </div>
            {(item.description || item.documents.length > 0) && editing !== item.id && (
              <div className="row-detail">
                {item.description && <p>{item.description}</p>}
                {item.documents.length > 0 && (
                  <ul className="docs">
                    {item.documents.map((d, i) => (
                      <li key={i}>
                        {d.title}
                        {d.reference ? ` (${d.reference})` : ''}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            )}
            {editing === item.id && (
              <AgendaItemForm
                initial={itemValues(item)}
                label={`Edit item ${item.number}`}
                submitLabel="Save item"
                onSubmit={(v) => saveItem(item.id, v)}
                onCancel={() => setEditing(null)}
                error={act.error}
                busy={act.busy}
              />
            )}
            {addingUnder === item.id && (
              <AgendaItemForm
                initial={{ ...emptyItem(), kind: item.kind }}
                label={`New sub-item of item ${item.number}`}
                submitLabel="Add sub-item"
                onSubmit={(v) => addItem(v, item.id)}
                onCancel={() => setAddingUnder(null)}
                error={add.error}
                busy={add.busy}
              />
            )}
          </li>
        ))}
      </ol>
      <h3 className="add-heading">Add an item</h3>
      <AgendaItemForm initial={emptyItem()} label="New agenda item" submitLabel="Add item" onSubmit={(v) => addItem(v, null)} error={addingUnder ? null : add.error} busy={add.busy} compact />
    </section>
  );
}

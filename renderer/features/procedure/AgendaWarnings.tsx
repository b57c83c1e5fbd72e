import type { AgendaItem } from '../../../shared/domain/agenda';
import { agendaWarnings } from '../../../shared/procedure/followup';
import './procedure.css';

/** Warnings to read before the agenda is circulated (an "any other business" item with no described content). */
export function AgendaWarnings({ agenda, circulating }: { agenda: AgendaItem[]; circulating: boolean }) {
  const warnings = agendaWarnings(agenda);
  if (warnings.length === 0) return null;
  return (
    <div className="agenda-warnings" role={circulating ? 'alert' : 'note'} data-testid="agenda-warnings">
      <strong>{circulating ? 'Before circulating this agenda:' : 'Agenda circulated with this open point:'}</strong>
      {warnings.map((w) => (
        <p key={w.itemId}>{w.message}</p>
      ))}
    </div>
  );
}

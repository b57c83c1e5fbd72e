import type { SuggestionKind } from '../../../shared/suggestions';
import type { SectionSuggestion } from './useSuggestions';
import { excerpt } from '../../../shared/domain/minutes-labels';

const KIND_LABEL: Record<SuggestionKind, string> = {
  contact: 'Contact details',
  confidentiality_phrase: 'Said to be confidential',
  sensitive_term: 'Sensitive term',
  org_near_figure: 'Member’s business',
  person: 'Person named',
};

/**
 * The suggestions of one section, under its editor: the suggested text (underlined the same way as in the editor),
 * why, and "Flag" / "Dismiss". Buttons keep the editor's caret (mousedown is not allowed to take focus).
 */
export function SuggestionList(props: {
  label: string;
  items: SectionSuggestion[];
  onAccept: (s: SectionSuggestion) => void;
  onDismiss: (s: SectionSuggestion) => void;
  onDismissAll: () => void;
}) {
  if (props.items.length === 0) return null;
  const shown = props.items.slice(0, 8);
  return (
    <div className="suggestions" role="region" aria-label={`Suggested flags in ${props.label}`}>
      <p className="suggestions-head">
        <strong>Suggested flags:</strong> {props.items.length === 1 ? '1 passage may be confidential' : `${props.items.length} passages may be confidential`}: flag or dismiss
        {props.items.length === 1 ? ' it' : ' each'}.{' '}
        {props.items.length > 1 && (
          <button type="button" className="link dismiss-all" onMouseDown={(e) => e.preventDefault()} onClick={props.onDismissAll} aria-label={`Dismiss all ${props.items.length} suggestions in ${props.label}`}>
            Dismiss all
          </button>
        )}
      </p>
      <ul>
        {shown.map((s) => (
          <li key={s.id} className="suggestion" data-suggestion-text={s.text}>
            <span className="sg-text" title={s.reason}>
              “{excerpt(s.text, 90)}”
            </span>
            <span className="sg-kind">{KIND_LABEL[s.kind]}</span>
            <span className="sg-actions">
              <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => props.onAccept(s)} aria-label={`Flag “${s.text}” as not for publication`}>
                Flag
              </button>
              <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => props.onDismiss(s)} aria-label={`Dismiss the suggestion “${s.text}”`}>
                Dismiss
              </button>
            </span>
            <span className="sg-reason sub">{s.reason}</span>
          </li>
        ))}
      </ul>
      {props.items.length > shown.length && <p className="sub">…and {props.items.length - shown.length} more: flag or dismiss these first.</p>}
    </div>
  );
}

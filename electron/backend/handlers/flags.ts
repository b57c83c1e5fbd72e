import type { Handlers } from '../dispatch';
import type { Backend } from '../backend';
import type { flagsCalls } from '../../../shared/contract/flags';

/** Handlers of the flags feature: each a one-line hand-off to its service. */
export function flagsHandlers(b: Backend): Pick<Handlers, keyof typeof flagsCalls> {
  const { flags } = b.services;
  return {
    'flags.create': (i) => flags.create(i),
    'flags.update': (i) => flags.update(i),
    'flags.list': (i) => flags.list(i.meetingId),
    'flags.unflag': (i) => flags.unflag(i.id),
    'flags.dismissSuggestion': (i) => flags.dismissSuggestion(i),
    'flags.dismissedSuggestions': (i) => flags.dismissedSuggestions(i.meetingId),
    'terms.list': () => flags.terms(),
    'terms.set': (i) => flags.setTerms(i),
  };
}

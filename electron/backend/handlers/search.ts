import type { Handlers } from '../dispatch';
import type { Backend } from '../backend';
import type { searchCalls } from '../../../shared/contract/search';

/** Handlers of the search feature. */
export function searchHandlers(b: Backend): Pick<Handlers, keyof typeof searchCalls> {
  return {
    'search.query': (i) => b.services.search.query(i),
  };
}

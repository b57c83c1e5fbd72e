import { ById, Empty } from '../domain/common';
import {
  ByMeeting,
  DismissedSuggestions,
  DismissSuggestion,
  Flag,
  FlagCreate,
  FlagList,
  FlagUpdate,
  SensitiveTerms,
  SetSensitiveTerms,
} from '../domain/flags';
import { defineCalls } from './define';

/** Calls of the flags feature: confidentiality flag records, dismissed suggestions and the sensitive terms. */
export const flagsCalls = defineCalls({
  'flags.create': { input: FlagCreate, output: Flag, summary: 'Record a new flag; its id is what the editor puts on the flag node.' },
  'flags.update': { input: FlagUpdate, output: Flag, summary: "Change a flag's reason or note." },
  'flags.list': { input: ByMeeting, output: FlagList, summary: "A meeting's flag records (retired ones too) and the counts in force per reason." },
  'flags.unflag': { input: ById, output: Flag, summary: 'Lift a flag explicitly (the editor removes its mark); the record is kept, lifted, with who and when.' },
  'flags.dismissSuggestion': { input: DismissSuggestion, output: DismissedSuggestions, summary: 'Stop suggesting a text for flagging in this meeting.' },
  'flags.dismissedSuggestions': { input: ByMeeting, output: DismissedSuggestions, summary: 'Texts no longer suggested in this meeting.' },
  'terms.list': { input: Empty, output: SensitiveTerms, summary: "The secretariat's sensitive terms." },
  'terms.set': { input: SetSensitiveTerms, output: SensitiveTerms, summary: 'Replace the sensitive terms (trimmed, empty and duplicate terms dropped).' },
});

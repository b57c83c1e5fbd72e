import { useEffect, useState } from 'react';
import type { Decision } from '../../../shared/domain/decisions';
import type { DecisionVote, PublicVote } from '../../../shared/procedure';
import { api } from '../../api';

/**
 * The votes of a meeting for the public preview, loaded again whenever `refreshKey` changes (the minutes page passes
 * the side panel shown, so a vote recorded in the Procedure tab is there when the preview opens). Not before `enabled`.
 */
export function useMeetingVotes(meetingId: string, refreshKey: unknown, enabled = true): DecisionVote[] {
  const [votes, setVotes] = useState<DecisionVote[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    api.call('procedure.state', { meetingId }).then(
      (s) => live && setVotes(s.votes),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [meetingId, refreshKey, enabled]);
  return votes;
}

/** What the public summary model may know of each vote: its decision and section, the rule and the counts. Never names. */
export function publicVotes(votes: readonly DecisionVote[], decisions: readonly Decision[]): PublicVote[] {
  const sectionOf = new Map(decisions.map((d) => [d.id, d.sectionKey]));
  return votes.map((v) => ({ decisionId: v.decisionId, sectionKey: sectionOf.get(v.decisionId) ?? '', outcome: v.outcome, rule: v.rule, tally: v.tally, ballotKind: v.ballot.kind }));
}

import type { Handlers } from '../dispatch';
import type { Backend } from '../backend';
import type { procedureCalls } from '../../../shared/contract/procedure';

/** Handlers of the body's procedure: each a one-line hand-off to its service. */
export function procedureHandlers(b: Backend): Pick<Handlers, keyof typeof procedureCalls> {
  const { procedure } = b.services;
  return {
    'procedure.state': (i) => procedure.state(i.meetingId),
    'rules.list': () => procedure.listRules(),
    'rules.add': (i) => procedure.addRules(i),
    'procedure.vote': (i) => procedure.vote(i),
    'procedure.decide': (i) => procedure.decide(i),
    'procedure.clearVote': (i) => procedure.clearVote(i.decisionId),
    'safeguards.add': (i) => procedure.addSafeguard(i),
    'safeguards.remove': (i) => procedure.removeSafeguard(i.id),
    'approval.set': (i) => procedure.setApproval(i),
    'followup.open': () => procedure.openActions(),
    'followup.addItem': (i) => procedure.addFollowUpItem(i.meetingId),
    'topics.list': () => procedure.listTopics(),
    'topics.raise': (i) => procedure.raiseTopic(i),
    'topics.pick': (i) => procedure.pickTopic(i.topicId, i.meetingId, i.confirmWithheld),
    'groups.list': () => procedure.listGroups(),
    'groups.create': (i) => procedure.createGroup(i),
    'groups.setMembers': (i) => procedure.setGroupMembers(i.id, i.organisationIds),
    'invitations.set': (i) => procedure.setInvitation(i.participantId, i.decisionId),
    'topics.drop': (i) => procedure.dropTopic(i.topicId, i.dropped),
  };
}

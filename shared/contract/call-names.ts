/**
 * The contract's call names as a plain list, without a schema: what the Electron preload checks a name against before
 * anything crosses the process boundary. The preload must stay a few KB (it runs in every window), so it cannot import
 * the contract itself (zod). test/contract/call-names.test.ts fails when this list and `contract` (index.ts) differ:
 * a new call is added in its feature's file AND here.
 */
export const CALL_NAME_LIST = [
  // core.ts
  'app.info',
  'body.get',
  'body.update',
  'members.list',
  'organisations.create',
  'organisations.update',
  'organisations.delete',
  'representatives.create',
  'representatives.update',
  'representatives.delete',
  'meetings.list',
  'meetings.get',
  'meetings.create',
  'meetings.update',
  'meetings.setStatus',
  'meetings.delete',
  'agenda.add',
  'agenda.update',
  'agenda.move',
  'agenda.remove',
  'settings.get',
  'settings.update',
  'example.load',
  // minutes.ts
  'minutes.get',
  'minutes.outline',
  'minutes.section',
  'minutes.saveSection',
  'minutes.snapshot',
  'minutes.revisions',
  'minutes.revision',
  'minutes.restorePreview',
  'minutes.restoreRevision',
  'minutes.setStatus',
  'minutes.reopen',
  'live.get',
  'live.start',
  'live.goto',
  'live.toggleTimer',
  'live.end',
  'attendance.list',
  'attendance.set',
  'attendance.arrive',
  'attendance.leave',
  'attendance.addPerson',
  'attendance.updatePerson',
  'attendance.remove',
  'decisions.list',
  'decisions.create',
  'decisions.update',
  'decisions.delete',
  'actions.list',
  'actions.create',
  'actions.update',
  'actions.delete',
  // flags.ts
  'flags.create',
  'flags.update',
  'flags.list',
  'flags.unflag',
  'flags.dismissSuggestion',
  'flags.dismissedSuggestions',
  'terms.list',
  'terms.set',
  // exports.ts
  'exports.publicOptions',
  'exports.create',
  'exports.history',
  // procedure.ts
  'procedure.state',
  'rules.list',
  'rules.add',
  'procedure.vote',
  'procedure.decide',
  'procedure.clearVote',
  'safeguards.add',
  'safeguards.remove',
  'approval.set',
  'followup.open',
  'followup.addItem',
  'topics.list',
  'topics.raise',
  'topics.pick',
  'groups.list',
  'groups.create',
  'groups.setMembers',
  'invitations.set',
  'topics.drop',
  // backup.ts
  'backup.status',
  'backup.create',
  'backup.saveTo',
  'backup.restore',
  'backup.releaseHold',
  // example.ts
  'example.status',
  'example.remove',
  // packages.ts
  'packages.export',
  'packages.import',
  // register.ts
  'register.list',
  'register.export',
  // search.ts
  'search.query',
  // trash.ts
  'trash.list',
  'trash.restore',
  'trash.purge',
  'trash.empty',
] as const;

export type ListedCallName = (typeof CALL_NAME_LIST)[number];

const LISTED: ReadonlySet<string> = new Set(CALL_NAME_LIST);

/** True for exactly the contract's call names (no prototype keys: a Set, not an object lookup). */
export function isListedCallName(name: unknown): name is ListedCallName {
  return typeof name === 'string' && LISTED.has(name);
}

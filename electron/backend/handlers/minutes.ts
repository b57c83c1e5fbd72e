import type { Handlers } from '../dispatch';
import type { Backend } from '../backend';
import type { minutesCalls } from '../../../shared/contract/minutes';
import { AttendanceService } from '../services/attendance-service';
import { DecisionsService } from '../services/decisions-service';
import { LiveService } from '../services/live-service';
import { MinutesService } from '../services/minutes-service';

/** Handlers of the minutes feature: each a one-line hand-off to its service. */
export function minutesHandlers(b: Backend): Pick<Handlers, keyof typeof minutesCalls> {
  const minutes = new MinutesService(b.ctx, b.services.meetings);
  const live = new LiveService(b.ctx, minutes);
  const attendance = new AttendanceService(b.ctx, minutes);
  const records = new DecisionsService(b.ctx, minutes);
  return {
    'minutes.get': (i) => minutes.load(i.meetingId, { live, attendance, records }),
    'minutes.outline': (i) => minutes.loadOutline(i.meetingId, { live, attendance, records }),
    'minutes.section': (i) => minutes.section(i.meetingId, i.sectionKey),
    'minutes.saveSection': (i) => minutes.saveSection(i),
    'minutes.snapshot': (i) => minutes.snapshot(i),
    'minutes.revisions': (i) => minutes.listRevisions(i.meetingId, i.sectionKey),
    'minutes.revision': (i) => minutes.revision(i.id),
    'minutes.restorePreview': (i) => minutes.restorePreview(i.id),
    'minutes.restoreRevision': (i) => minutes.restoreRevision(i.id),
    'minutes.setStatus': (i) => minutes.setStatus(i),
    'minutes.reopen': (i) => minutes.reopen(i),

    'live.get': (i) => live.state(i.meetingId),
    'live.start': (i) => live.start(i.meetingId),
    'live.goto': (i) => live.goto(i.meetingId, i.sectionKey),
    'live.toggleTimer': (i) => live.toggleTimer(i.meetingId, i.sectionKey),
    'live.end': (i) => live.end(i.meetingId),

    'attendance.list': (i) => attendance.list(i.meetingId),
    'attendance.set': (i) => attendance.set(i),
    'attendance.arrive': (i) => attendance.arrive(i),
    'attendance.leave': (i) => attendance.leave(i),
    'attendance.addPerson': (i) => attendance.addPerson(i),
    'attendance.updatePerson': (i) => attendance.updatePerson(i),
    'attendance.remove': (i) => attendance.remove(i.participantId),

    'decisions.list': (i) => records.listDecisions(i.meetingId),
    'decisions.create': (i) => records.createDecision(i),
    'decisions.update': (i) => records.updateDecision(i),
    'decisions.delete': (i) => records.deleteDecision(i.id),

    'actions.list': (i) => records.listActions(i.meetingId),
    'actions.create': (i) => records.createAction(i),
    'actions.update': (i) => records.updateAction(i),
    'actions.delete': (i) => records.deleteAction(i.id),
  };
}

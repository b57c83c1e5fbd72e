/**
 * The participants as the public summary reads them: the organisation as recorded when each was added (what the
 * export prints, not the roster's current name), and the status. Apart from previewInput.ts, which is loaded on demand.
 */
export function previewAttendance(participants: ReadonlyArray<{ printedOrganisation: string; status: string }>): Array<{ organisation: string; status: string }> {
  return participants.map((p) => ({ organisation: p.printedOrganisation, status: p.status }));
}

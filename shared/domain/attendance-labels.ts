/**
 * Who can take part in a meeting and how, with their labels, without a schema: what the renderer shows needs no zod
 * (issue 16). attendance.ts builds its schemas on these lists and re-exports everything here, so
 * `shared/domain/attendance` stays the place to import from elsewhere.
 */
export const PERSON_CATEGORIES = ['observer', 'external_expert', 'ai_office_staff'] as const;
export type PersonCategory = (typeof PERSON_CATEGORIES)[number];
export const PARTICIPANT_CATEGORIES = ['representative', ...PERSON_CATEGORIES] as const;
export type ParticipantCategory = (typeof PARTICIPANT_CATEGORIES)[number];
export const PARTICIPANT_CATEGORY_LABEL: Record<ParticipantCategory, string> = {
  representative: 'Representative',
  observer: 'Observer',
  external_expert: 'External expert',
  ai_office_staff: 'AI Office staff',
};

export const ATTENDANCE_STATUSES = ['in_person', 'remote', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_STATUS_LABEL: Record<AttendanceStatus, string> = {
  in_person: 'In person',
  remote: 'Remote',
  excused: 'Excused',
  absent: 'Absent',
};

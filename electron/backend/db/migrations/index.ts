import type { Migration } from './types';
import { m001Initial } from './001-initial';
import { m002Minutes } from './002-minutes';
import { m003Flags } from './003-flags';
import { m004Exports } from './004-exports';
import { m005FlagLifecycle } from './005-flag-lifecycle';
import { m006AttendanceStatusEvents } from './006-attendance-status-events';
import { m007DocumentConventions } from './007-document-conventions';
import { m009Procedure } from './009-procedure';
import { m010Search } from './010-search';
import { m012Trash } from './012-trash';
import { m013SearchPending } from './013-search-pending';
import { m014SectionWriter } from './014-section-writer';
import { m015DocumentsChecked } from './015-documents-checked';
import { m016PublicationHold } from './016-publication-hold';
import { m017KeptCopies } from './017-kept-copies';
import { m018RevisionHeads } from './018-revision-heads';
import { m019FollowupWords } from './019-followup-words';
import { m020SectionRevMarks } from './020-section-rev-marks';
import { m021TopicPickedWithheld } from './021-topic-picked-withheld';
import { m022TopicItems } from './022-topic-items';

/** Every schema change, in order. Append only: a shipped migration never changes. */
export const MIGRATIONS: readonly Migration[] = [
  m001Initial,
  m002Minutes,
  m003Flags,
  m004Exports,
  m005FlagLifecycle,
  m006AttendanceStatusEvents,
  m007DocumentConventions,
  m009Procedure,
  m010Search,
  m012Trash,
  m013SearchPending,
  m014SectionWriter,
  m015DocumentsChecked,
  m016PublicationHold,
  m017KeptCopies,
  m018RevisionHeads,
  m019FollowupWords,
  m020SectionRevMarks,
  m021TopicPickedWithheld,
  m022TopicItems,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
export type { Migration } from './types';

import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Body } from '../../../shared/domain/body';

const COLUMNS = `name, chair, reference_prefix AS referencePrefix, place_of_issue AS placeOfIssue, time_zone AS timeZone, language,
  internal_marking AS internalMarking`;

export class BodyRepo {
  constructor(private readonly db: Database) {}
  get(): Body {
    return this.db.prepare(`SELECT ${COLUMNS} FROM body WHERE id = 1`).get() as Body;
  }
  update(body: Body): void {
    this.db
      .prepare(
        `UPDATE body SET name = @name, chair = @chair, reference_prefix = @referencePrefix, place_of_issue = @placeOfIssue, time_zone = @timeZone,
           language = @language, internal_marking = @internalMarking WHERE id = 1`,
      )
      .run(body);
  }
}

import type { Database } from 'better-sqlite3';
import type { Body } from '../../../shared/domain/body';

export class BodyRepo {
  constructor(private readonly db: Database) {}
  get(): Body {
    return this.db.prepare(`SELECT name, chair FROM body WHERE id = 1`).get() as Body;
  }
  update(body: Body): void {
    this.db.prepare(`UPDATE body SET name = @name, chair = @chair WHERE id = 1`).run(body);
  }
}

import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Organisation, Representative } from '../../../shared/domain/members';

interface OrgRow {
  id: string;
  name: string;
  short_name: string;
  is_member: number;
}
interface RepRow {
  id: string;
  organisation_id: string;
  name: string;
  email: string;
  role: string;
}

const toRep = (r: RepRow): Representative => ({ id: r.id, organisationId: r.organisation_id, name: r.name, email: r.email, role: r.role });

export class MembersRepo {
  constructor(private readonly db: Database) {}

  list(): Organisation[] {
    const orgs = this.db.prepare(`SELECT id, name, short_name, is_member FROM organisations ORDER BY name COLLATE NOCASE`).all() as OrgRow[];
    const reps = this.db
      .prepare(`SELECT id, organisation_id, name, email, role FROM representatives ORDER BY name COLLATE NOCASE`)
      .all() as RepRow[];
    const byOrg = new Map<string, Representative[]>();
    for (const r of reps) {
      const list = byOrg.get(r.organisation_id) ?? [];
      list.push(toRep(r));
      byOrg.set(r.organisation_id, list);
    }
    return orgs.map((o) => ({ id: o.id, name: o.name, shortName: o.short_name, isMember: o.is_member === 1, representatives: byOrg.get(o.id) ?? [] }));
  }

  getOrganisation(id: string): Organisation | undefined {
    return this.list().find((o) => o.id === id);
  }

  findOrganisationByName(name: string): { id: string } | undefined {
    return this.db.prepare(`SELECT id FROM organisations WHERE name = ? COLLATE NOCASE`).get(name) as { id: string } | undefined;
  }

  insertOrganisation(o: { id: string; name: string; shortName: string; isMember: boolean }, now: string): void {
    this.db
      .prepare(`INSERT INTO organisations (id, name, short_name, is_member, created_at) VALUES (?, ?, ?, ?, ?)`)
      .run(o.id, o.name, o.shortName, o.isMember ? 1 : 0, now);
  }

  updateOrganisation(o: { id: string; name: string; shortName: string; isMember: boolean }): number {
    return this.db
      .prepare(`UPDATE organisations SET name = ?, short_name = ?, is_member = ? WHERE id = ?`)
      .run(o.name, o.shortName, o.isMember ? 1 : 0, o.id).changes;
  }

  deleteOrganisation(id: string): number {
    return this.db.prepare(`DELETE FROM organisations WHERE id = ?`).run(id).changes;
  }

  getRepresentative(id: string): Representative | undefined {
    const row = this.db.prepare(`SELECT id, organisation_id, name, email, role FROM representatives WHERE id = ?`).get(id) as RepRow | undefined;
    return row && toRep(row);
  }

  insertRepresentative(r: Representative, now: string): void {
    this.db
      .prepare(`INSERT INTO representatives (id, organisation_id, name, email, role, created_at) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(r.id, r.organisationId, r.name, r.email, r.role, now);
  }

  updateRepresentative(r: { id: string; name: string; email: string; role: string }): number {
    return this.db.prepare(`UPDATE representatives SET name = ?, email = ?, role = ? WHERE id = ?`).run(r.name, r.email, r.role, r.id).changes;
  }

  deleteRepresentative(id: string): number {
    return this.db.prepare(`DELETE FROM representatives WHERE id = ?`).run(id).changes;
  }
}

import * as z from 'zod';
import { AppError } from '../../../shared/errors';
import type { BodyUpdate } from '../../../shared/domain/body';
import type { Organisation, OrganisationInput, OrganisationUpdate, Representative, RepresentativeInput, RepresentativeUpdate } from '../../../shared/domain/members';
import { BodyRepo } from '../repositories/body-repo';
import { MembersRepo } from '../repositories/members-repo';
import { iso, type ServiceContext } from './context';

type Out<T extends z.ZodType> = z.output<T>;

export class MembersService {
  private readonly repo: MembersRepo;
  private readonly bodyRepo: BodyRepo;
  constructor(private readonly ctx: ServiceContext) {
    this.repo = new MembersRepo(ctx.db);
    this.bodyRepo = new BodyRepo(ctx.db);
  }

  body() {
    return this.bodyRepo.get();
  }
  updateBody(input: Out<typeof BodyUpdate>) {
    const current = this.bodyRepo.get();
    const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    this.bodyRepo.update({ ...current, ...defined });
    return this.bodyRepo.get();
  }

  list(): Organisation[] {
    return this.repo.list();
  }

  private assertNameFree(name: string, exceptId?: string) {
    const existing = this.repo.findOrganisationByName(name);
    if (existing && existing.id !== exceptId) throw new AppError('conflict', `An organisation named "${name}" already exists.`, { issues: [{ path: 'name', message: 'already exists' }] });
  }

  createOrganisation(input: Out<typeof OrganisationInput>): Organisation {
    this.assertNameFree(input.name);
    const id = this.ctx.newId();
    this.repo.insertOrganisation({ id, ...input }, iso(this.ctx.now()));
    return this.mustGet(id);
  }

  updateOrganisation(input: Out<typeof OrganisationUpdate>): Organisation {
    this.assertNameFree(input.name, input.id);
    if (this.repo.updateOrganisation(input) === 0) throw notFound('organisation');
    return this.mustGet(input.id);
  }

  deleteOrganisation(id: string) {
    if (this.repo.deleteOrganisation(id) === 0) throw notFound('organisation');
    return { ok: true as const };
  }

  createRepresentative(input: Out<typeof RepresentativeInput>): Representative {
    if (!this.repo.getOrganisation(input.organisationId)) throw notFound('organisation');
    const rep = { id: this.ctx.newId(), ...input };
    this.repo.insertRepresentative(rep, iso(this.ctx.now()));
    return rep;
  }

  updateRepresentative(input: Out<typeof RepresentativeUpdate>): Representative {
    if (this.repo.updateRepresentative(input) === 0) throw notFound('representative');
    return this.repo.getRepresentative(input.id)!;
  }

  deleteRepresentative(id: string) {
    if (this.repo.deleteRepresentative(id) === 0) throw notFound('representative');
    return { ok: true as const };
  }

  private mustGet(id: string): Organisation {
    const org = this.repo.getOrganisation(id);
    if (!org) throw notFound('organisation');
    return org;
  }
}

export const notFound = (what: string) => new AppError('not_found', `That ${what} does not exist (it may have been deleted).`);

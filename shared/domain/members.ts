import * as z from 'zod';
import { Id, RequiredText, Text } from './common';
import { lazySchema } from '../lazy-schema';

export const Representative = lazySchema(() => z.object({
  id: Id,
  organisationId: Id,
  name: z.string(),
  email: z.string(),
  role: z.string(),
}));
export type Representative = z.infer<typeof Representative>;

export const Organisation = lazySchema(() => z.object({
  id: Id,
  name: z.string(),
  shortName: z.string(),
  isMember: z.boolean(),
  representatives: z.array(Representative),
}));
export type Organisation = z.infer<typeof Organisation>;

const Email = lazySchema(() => Text(254).refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), 'must be an e-mail address'));

export const OrganisationInput = lazySchema(() => z
  .object({
    name: RequiredText(200),
    shortName: Text(40).default(''),
    isMember: z.boolean().default(true),
  })
  .strict());
export type OrganisationInput = z.input<typeof OrganisationInput>;
export const OrganisationUpdate = lazySchema(() => OrganisationInput.extend({ id: Id }).strict());

export const RepresentativeInput = lazySchema(() => z
  .object({
    organisationId: Id,
    name: RequiredText(200),
    email: Email.default(''),
    role: Text(200).default(''),
  })
  .strict());
export type RepresentativeInput = z.input<typeof RepresentativeInput>;
export const RepresentativeUpdate = lazySchema(() => RepresentativeInput.omit({ organisationId: true }).extend({ id: Id }).strict());

import { z } from 'zod';
import { Id, RequiredText, Text } from './common';

export const Representative = z.object({
  id: Id,
  organisationId: Id,
  name: z.string(),
  email: z.string(),
  role: z.string(),
});
export type Representative = z.infer<typeof Representative>;

export const Organisation = z.object({
  id: Id,
  name: z.string(),
  shortName: z.string(),
  isMember: z.boolean(),
  representatives: z.array(Representative),
});
export type Organisation = z.infer<typeof Organisation>;

const Email = Text(254).refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), 'must be an e-mail address');

export const OrganisationInput = z
  .object({
    name: RequiredText(200),
    shortName: Text(40).default(''),
    isMember: z.boolean().default(true),
  })
  .strict();
export type OrganisationInput = z.input<typeof OrganisationInput>;
export const OrganisationUpdate = OrganisationInput.extend({ id: Id }).strict();

export const RepresentativeInput = z
  .object({
    organisationId: Id,
    name: RequiredText(200),
    email: Email.default(''),
    role: Text(200).default(''),
  })
  .strict();
export type RepresentativeInput = z.input<typeof RepresentativeInput>;
export const RepresentativeUpdate = RepresentativeInput.omit({ organisationId: true }).extend({ id: Id }).strict();

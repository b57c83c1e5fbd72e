import * as z from 'zod';
import { Id, RequiredText, Text } from './common';
import { lazySchema } from '../lazy-schema';
import { AGENDA_ITEM_KINDS, type AgendaItemKind as AgendaItemKindValue } from './agenda-labels';

// Kinds, labels, numbering and timing rules live in the schema-free agenda-labels.ts (the renderer needs no zod for them).
export * from './agenda-labels';
export const AgendaItemKind = lazySchema(() => z.enum(AGENDA_ITEM_KINDS));
export type AgendaItemKind = AgendaItemKindValue;

export const DocumentRef = lazySchema(() => z.object({ title: RequiredText(300), reference: Text(200).default('') }).strict());
export type DocumentRef = z.infer<typeof DocumentRef>;

export const AgendaItem = lazySchema(() => z.object({
  id: Id,
  meetingId: Id,
  parentId: Id.nullable(),
  position: z.number().int(),
  number: z.string(),
  title: z.string(),
  description: z.string(),
  kind: AgendaItemKind,
  presenter: z.string(),
  plannedMinutes: z.number().int(),
  documents: z.array(z.object({ title: z.string(), reference: z.string() })),
  forPublication: z.boolean(),
}));
export type AgendaItem = z.infer<typeof AgendaItem>;
/** What the officer writes of an item (the form, the example agenda): the schema's fields, not a copy of them. */
export type AgendaItemFields = Pick<AgendaItem, 'title' | 'description' | 'kind' | 'presenter' | 'plannedMinutes' | 'documents' | 'forPublication'>;

/**
 * The editable fields, without defaults: an update changes only what it names. Built with the first schema that uses
 * them (a zod object of them, lazy like the schemas), not when the module loads.
 */
const ItemFields = lazySchema(() => z.object({
  title: RequiredText(300),
  description: Text(4000),
  kind: AgendaItemKind,
  presenter: Text(200),
  plannedMinutes: z.number().int().min(0).max(24 * 60),
  documents: z.array(DocumentRef).max(50),
  forPublication: z.boolean(),
}));

export const AgendaItemCreate = lazySchema(() => z
  .object({
    ...ItemFields.shape,
    description: ItemFields.shape.description.default(''),
    kind: ItemFields.shape.kind.default('discussion'),
    presenter: ItemFields.shape.presenter.default(''),
    plannedMinutes: ItemFields.shape.plannedMinutes.default(10),
    documents: ItemFields.shape.documents.default([]),
    forPublication: ItemFields.shape.forPublication.default(true),
    meetingId: Id,
    parentId: Id.nullable().default(null),
  })
  .strict());
export type AgendaItemCreate = z.input<typeof AgendaItemCreate>;
export const AgendaItemUpdate = lazySchema(() => ItemFields.partial().extend({ id: Id }).strict());
export type AgendaItemUpdate = z.input<typeof AgendaItemUpdate>;
export const AgendaItemMove = lazySchema(() => z.object({ id: Id, parentId: Id.nullable(), index: z.number().int().min(0) }).strict());
export type AgendaItemMove = z.input<typeof AgendaItemMove>;

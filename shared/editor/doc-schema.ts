import * as z from 'zod/mini';
import { LINK_URL_MAX } from './links';
import en from 'zod/v4/locales/en.js';
import { lazySchema } from '../lazy-schema';
import { MAX_TEXT, type SerializedDoc as Doc, type SerializedNode } from './doc-model';

/**
 * The schema of a stored minutes section (doc-model.ts says what each node type is). Written with zod's light build,
 * `zod/mini` (issue 16): the renderer needs this one schema (the redaction walk checks every section against it,
 * shared/redaction/walk.ts, in the preview as in the export), and the full zod API was ~95 KB of the minutes page's
 * code for it. The parsing core is zod's own either way: the backend's schemas (full zod) embed this one as they did,
 * and a test parses the same documents with it and with the full-API schema it replaced
 * (test/unit/doc-schema.test.ts). Only functions full zod has too are used: the main-side bundles build this same
 * schema with full zod (scripts/build.mjs aliases zod/mini to zod there), whose objects compile a parser of their own
 * in Node (a 300 KB section: 2 ms instead of 5).
 *
 * Built on first use, not at import (~15 ms of the minutes page's start when it was built at import). Node and FlagIds
 * are plain schemas once built (no proxy for each node parsed).
 */
function buildDocSchema() {
  // The messages of zod's own English locale, as the full build registers at import: the walk's refusal quotes them.
  z.config(en());
  const int = () => z.int();
  const opt = <T extends z.core.SomeType>(t: T) => z.optional(t);
  const nullOpt = <T extends z.core.SomeType>(t: T) => z.optional(z.nullable(t));
  const str = (max: number) => z.string().check(z.maxLength(max));
  const range = (min: number, max?: number) => (max === undefined ? z.number().check(z.gte(min)) : z.number().check(z.gte(min), z.lte(max)));
  const intRange = (min: number, max?: number) => (max === undefined ? z.int().check(z.gte(min)) : z.int().check(z.gte(min), z.lte(max)));
  const id = () => z.string().check(z.minLength(1), z.maxLength(64));

  const common = { version: int() };
  const elementCommon = {
    ...common,
    direction: nullOpt(z.enum(['ltr', 'rtl'])),
    format: opt(z.union([z.string(), z.number()])),
    indent: opt(intRange(0, 20)),
    textFormat: opt(int()),
    textStyle: opt(z.string()),
  };
  // Any id is read (a section an earlier build stored is shown as stored); a save gives a mark whose id is not one the
  // answers carry an id of this meeting's own (FlagsService.ownMarks).
  const FlagIds = z.array(id()).check(z.minLength(1), z.maxLength(64));
  const children = (max: number) => z.array(Node).check(z.maxLength(max));
  const linkFields = { url: str(LINK_URL_MAX), rel: nullOpt(z.string()), target: nullOpt(z.string()), title: nullOpt(z.string()) };

  const Node: z.ZodMiniType<SerializedNode> = z.lazy(() =>
    z.discriminatedUnion('type', [
      z.looseObject({ type: z.literal('root'), ...elementCommon, children: children(100_000) }),
      z.looseObject({ type: z.literal('paragraph'), ...elementCommon, children: children(10_000) }),
      z.looseObject({ type: z.literal('heading'), ...elementCommon, tag: z.enum(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']), children: children(10_000) }),
      z.looseObject({ type: z.literal('quote'), ...elementCommon, children: children(10_000) }),
      z.looseObject({
        type: z.literal('list'),
        ...elementCommon,
        listType: z.enum(['bullet', 'number', 'check']),
        start: opt(int()),
        tag: opt(z.enum(['ul', 'ol'])),
        children: children(10_000),
      }),
      z.looseObject({ type: z.literal('listitem'), ...elementCommon, value: opt(int()), checked: opt(z.boolean()), children: children(10_000) }),
      z.looseObject({ type: z.literal('link'), ...elementCommon, ...linkFields, children: children(10_000) }),
      z.looseObject({ type: z.literal('autolink'), ...elementCommon, ...linkFields, isUnlinked: opt(z.boolean()), children: children(10_000) }),
      z.looseObject({ type: z.literal('flag'), ...elementCommon, ids: FlagIds, children: children(10_000) }),
      z.looseObject({ type: z.literal('decision'), ...elementCommon, recordId: id(), children: children(10_000) }),
      z.looseObject({ type: z.literal('action'), ...elementCommon, recordId: id(), children: children(10_000) }),
      z.looseObject({
        type: z.literal('table'),
        ...elementCommon,
        colWidths: opt(z.array(range(0, 100_000)).check(z.maxLength(1000))),
        rowStriping: opt(z.boolean()),
        frozenColumnCount: opt(intRange(0)),
        frozenRowCount: opt(intRange(0)),
        children: children(10_000),
      }),
      z.looseObject({ type: z.literal('tablerow'), ...elementCommon, height: opt(range(0, 100_000)), children: children(1000) }),
      z.looseObject({
        type: z.literal('tablecell'),
        ...elementCommon,
        headerState: opt(intRange(0, 3)),
        colSpan: opt(intRange(1, 1000)),
        rowSpan: opt(intRange(1, 10_000)),
        width: nullOpt(range(0, 100_000)),
        backgroundColor: nullOpt(str(100)),
        verticalAlign: nullOpt(str(20)),
        children: children(10_000),
      }),
      z.looseObject({
        type: z.literal('text'),
        ...common,
        text: str(MAX_TEXT),
        format: opt(intRange(0, 2047)),
        style: opt(str(1000)),
        mode: opt(z.enum(['normal', 'token', 'segmented'])),
        detail: opt(int()),
      }),
      z.looseObject({ type: z.literal('linebreak'), ...common }),
      z.looseObject({ type: z.literal('tab'), ...common, text: opt(z.string()), format: opt(int()), style: opt(z.string()), mode: opt(z.string()), detail: opt(int()) }),
      z.looseObject({ type: z.literal('timestamp'), ...common, text: str(40), at: str(40) }),
    ]),
  );

  return z.object({ root: z.looseObject({ type: z.literal('root'), ...elementCommon, children: children(100_000) }) });
}

/** What is stored per section and what the editor loads: `{ root: {...} }`. */
export const SerializedDoc = lazySchema(buildDocSchema) as z.ZodMiniType<Doc>;
export type SerializedDoc = Doc;

import { z } from 'zod';
import { RequiredText } from './common';

export const DEFAULT_BODY_NAME = 'Signatory Taskforce of the General-Purpose AI Code of Practice';
export const DEFAULT_CHAIR = 'AI Office';

export const Body = z.object({ name: z.string(), chair: z.string() });
export type Body = z.infer<typeof Body>;
export const BodyUpdate = z.object({ name: RequiredText(300), chair: RequiredText(200) }).strict();

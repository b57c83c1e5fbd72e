import type * as z from 'zod';
import { backupCalls } from './backup';
import { coreCalls } from './core';
import { exportsCalls } from './exports';
import { flagsCalls } from './flags';
import { minutesCalls } from './minutes';
import { procedureCalls } from './procedure';
import { searchCalls } from './search';
import { trashCalls } from './trash';
import { exampleCalls } from './example';
import { registerCalls } from './register';
import { packagesCalls } from './packages';

/**
 * The whole process boundary. Each feature contributes its calls from a file of its own; this is the only list.
 * Both hosts (Electron IPC and the 127.0.0.1 browser host) serve exactly these calls through one dispatcher.
 */
export const contract = {
  ...coreCalls,
  ...minutesCalls,
  ...flagsCalls,
  ...exportsCalls,
  ...procedureCalls,
  ...backupCalls,
  ...searchCalls,
  ...trashCalls,
  ...exampleCalls,
  ...registerCalls,
  ...packagesCalls,
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends CallName> = z.output<Contract[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Contract[K]['output']>;

export const CALL_NAMES = Object.keys(contract) as CallName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** What the renderer holds: one typed function; the transport behind it is the host's business. */
export interface Api {
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
}


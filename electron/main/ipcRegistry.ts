import * as z from 'zod';
import { IPC_CHANNELS, ipcContract, type IpcChannel, type IpcResponse } from '../../shared/ipc';
import { isAppUrl } from './appOrigin';

/** A request after its schema has parsed it. */
export type IpcParsedRequest<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['request']>;

/** The part of an `ipcMain.handle` event the registry checks. */
export interface IpcInvokeEvent {
  readonly senderFrame: { readonly url: string } | null;
}

/**
 * The main process's implementation of every channel of the contract. Handlers also get the
 * event `E` of the call, for the few that act on the window that asked (printing a PDF).
 */
export type IpcHandlers<E extends IpcInvokeEvent = IpcInvokeEvent> = {
  readonly [C in IpcChannel]: (
    request: IpcParsedRequest<C>,
    event: E,
  ) => IpcResponse<C> | Promise<IpcResponse<C>>;
};

/** The part of Electron's ipcMain the registry uses. */
export interface IpcMainLike<E extends IpcInvokeEvent = IpcInvokeEvent> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => unknown): void;
}

/** The message of whatever was thrown. */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Handles one request: checks the sender is the app's own page, parses the request with
 * the contract's schema, runs the handler and validates its answer. Every failure becomes
 * an Error with a readable message, which the renderer's promise rejects with.
 */
export async function handleIpcRequest<E extends IpcInvokeEvent>(
  channel: IpcChannel,
  handler: (request: unknown, event: E) => unknown,
  event: E,
  args: readonly unknown[],
): Promise<unknown> {
  const sender = event.senderFrame?.url;
  if (!isAppUrl(sender)) {
    throw new Error(`Refused "${channel}": the request did not come from Relevant's own window.`);
  }
  if (args.length !== 1) {
    throw new Error(`Invalid request on "${channel}": expected one argument, got ${args.length}.`);
  }
  const { request, response } = ipcContract[channel];
  const parsed = request.safeParse(args[0]);
  if (!parsed.success) {
    throw new Error(`Invalid request on "${channel}":\n${z.prettifyError(parsed.error)}`);
  }
  let result: unknown;
  try {
    result = await handler(parsed.data, event);
  } catch (error) {
    throw new Error(messageOf(error), { cause: error });
  }
  const checked = response.safeParse(result);
  if (!checked.success) {
    throw new Error(
      `Relevant gave an invalid answer on "${channel}":\n${z.prettifyError(checked.error)}`,
    );
  }
  return checked.data;
}

/** Registers a validating `ipcMain.handle` listener for every channel of the contract. */
export function registerIpcHandlers<E extends IpcInvokeEvent>(
  ipcMain: IpcMainLike<E>,
  handlers: IpcHandlers<E>,
): void {
  for (const channel of IPC_CHANNELS) {
    // The contract pairs each channel's schema with its handler; the types meet at runtime.
    const handler = handlers[channel] as (request: unknown, event: E) => unknown;
    ipcMain.handle(channel, (event, ...args) => handleIpcRequest(channel, handler, event, args));
  }
}

import { ResponseError } from 'vscode-languageserver';
import type { Connection } from 'vscode-languageserver';

/** Registrations left as they are: a failed handshake or shutdown must be seen by the client as one. */
const UNGUARDED = new Set(['onInitialize', 'onShutdown', 'onExit']);

type Handler = (...args: unknown[]) => unknown;

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function';
}

/**
 * Makes every handler registered on `connection` from now on (requests, notifications, and through them the
 * `TextDocuments` events) survive its own exceptions: the error is logged with its stack in the output
 * channel and the request is answered `null` (an empty result for every request we serve), so one bad
 * request or one pathological file never takes the server down (docs/security.md). Intentional
 * `ResponseError`s pass through.
 */
export function guardHandlers(connection: Connection): void {
  const log = (what: string, e: unknown): null => {
    if (e instanceof ResponseError) throw e;
    connection.console.error(
      `xen-nfs-boot: ${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
    );
    return null;
  };
  const guard =
    (what: string, handler: Handler): Handler =>
    (...args) => {
      try {
        const result = handler(...args);
        return isThenable(result) ? Promise.resolve(result).catch((e: unknown) => log(what, e)) : result;
      } catch (e) {
        return log(what, e);
      }
    };
  const target = connection as unknown as Record<string, unknown>;
  for (const key of Object.keys(target)) {
    const register = target[key];
    if (!key.startsWith('on') || UNGUARDED.has(key) || typeof register !== 'function') continue;
    target[key] = (...args: unknown[]) => {
      const what = typeof args[0] === 'string' ? `${key}(${args[0]})` : key;
      return (register as Handler).apply(
        connection,
        args.map((a) => (typeof a === 'function' ? guard(what, a as Handler) : a)),
      );
    };
  }
}

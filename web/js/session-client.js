// Wires a Connection to a SessionCopy: every message goes into the store, a
// version gap or an `unavailable` refusal sends `sync`. Shared by the member
// and display pages. No DOM.

import { cmd, ClientErrorCode, ErrorCode } from './protocol.js';
import { SessionCopy } from './session-copy.js';
import { Connection } from './connection.js';

export function createSessionClient(options) {
  const store = new SessionCopy();
  const connection = new Connection(options);

  const sync = () => {
    if (connection.send(cmd.sync())) store.noteSyncSent();
  };

  connection.on('message', (msg) => {
    if (store.apply(msg).sync) sync();
  });
  /** One re-read for a burst of unknown outcomes (every pending request failing at once). */
  const resync = () => {
    if (!store.syncPending) sync();
  };
  connection.on('refusal', (err) => {
    if (err.code === ErrorCode.UNAVAILABLE) resync();
  });

  /** Refusals whose command may or may not have landed: the state is re-read before anyone retries. */
  const UNKNOWN_OUTCOME = new Set([ErrorCode.UNAVAILABLE, ClientErrorCode.NO_ANSWER]);

  /**
   * Sends a command; resolves on `ack`, rejects with {code, message}. After
   * `unavailable` or no answer the outcome is unknown, so the client syncs
   * before anyone retries.
   */
  async function request(command) {
    try {
      return await connection.request(command);
    } catch (err) {
      if (err && UNKNOWN_OUTCOME.has(err.code)) resync();
      throw err;
    }
  }

  return { store, connection, request };
}

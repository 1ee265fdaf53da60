// Wires a Connection to a SessionStore: every message goes into the store, a
// version gap or an `unavailable` refusal sends `sync`. Shared by the member
// and display pages. No DOM.

import { cmd, ErrorCode } from './protocol.js';
import { SessionStore } from './store.js';
import { Connection } from './connection.js';

export function createSessionClient(options) {
  const store = new SessionStore();
  const connection = new Connection(options);

  const sync = () => {
    if (connection.send(cmd.sync())) store.noteSyncSent();
  };

  connection.on('message', (msg) => {
    if (store.apply(msg).sync) sync();
  });
  connection.on('refusal', (err) => {
    if (err.code === ErrorCode.UNAVAILABLE) sync();
  });

  /**
   * Sends a command; resolves on `ack`, rejects with {code, message}. After
   * `unavailable` the outcome is unknown, so the client syncs before anyone retries.
   */
  async function request(command) {
    try {
      return await connection.request(command);
    } catch (err) {
      if (err && err.code === ErrorCode.UNAVAILABLE) sync();
      throw err;
    }
  }

  return { store, connection, request };
}

/**
 * Errors of the simulated network. Names and `code`s follow the real ones
 * (Python's ConnectionRefusedError / Node's ECONNREFUSED), so what the reader
 * sees in the playground matches what a real client would raise.
 */

/** Nobody listens at the address (Python ConnectionRefusedError, Node ECONNREFUSED). */
export class ConnectionRefusedError extends Error {
  /** The errno name, as Node reports it. */
  readonly code = 'ECONNREFUSED';
  constructor(message = '') {
    super(message);
    this.name = 'ConnectionRefusedError';
  }
}

/** The connection is closed: writing after close, or reading from a closed WebSocket (websockets.ConnectionClosed). */
export class ConnectionClosedError extends Error {
  /** The errno-like name. */
  readonly code = 'ECONNCLOSED';
  constructor(message = '') {
    super(message);
    this.name = 'ConnectionClosedError';
  }
}

/** A client was used wrongly, e.g. two queries at once on one database connection (asyncpg.InterfaceError). */
export class InterfaceError extends Error {
  constructor(message = '') {
    super(message);
    this.name = 'InterfaceError';
  }
}

/** The database refused a statement: a syntax error, an unknown table or column (asyncpg.PostgresError). */
export class QueryError extends Error {
  constructor(message = '') {
    super(message);
    this.name = 'QueryError';
  }
}

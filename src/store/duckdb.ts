import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBDataChunk, type DuckDBValue } from '@duckdb/node-api';
import { FtzError } from '../core/errors.js';

export type SqlParams = DuckDBValue[] | Record<string, DuckDBValue>;

export interface OpenOptions {
  readonly readOnly?: boolean;
  /**
   * DuckDB's parallel double aggregates differ in the last bits between runs; one thread makes every
   * number replay exactly, which is what a reproducible analysis needs more than speed.
   */
  readonly threads?: number;
}

type Appender = Awaited<ReturnType<DuckDBConnection['createAppender']>>;

/** What queries need from the database; both the store and an open transaction provide it. */
export interface Db {
  run(sql: string, params?: SqlParams): Promise<void>;
  all<T extends object>(sql: string, params?: SqlParams): Promise<T[]>;
  one<T extends object>(sql: string, params?: SqlParams): Promise<T | undefined>;
  /** A DuckDB appender for bulk inserts into `table`; it writes inside the current transaction. */
  appender(table: string): Promise<Appender>;
  /**
   * Runs `fn` inside one transaction: either everything it wrote is committed or nothing is. Imports rely on
   * this to be all-or-nothing.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
}

class Session implements Db {
  constructor(protected readonly connection: DuckDBConnection) {}

  async run(sql: string, params?: SqlParams): Promise<void> {
    await this.connection.run(sql, params);
  }

  async all<T extends object>(sql: string, params?: SqlParams): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql, params);
    return reader.getRowObjectsJS().map((row) => normaliseRow(row) as T);
  }

  async one<T extends object>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  async appender(table: string): Promise<Appender> {
    return this.connection.createAppender(table);
  }

  /** Already inside a transaction: nested work joins it. */
  async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return fn(this);
  }
}

/**
 * The DuckDB adapter: one instance and one connection per process. Statements are serialised, because a
 * request's query must never run inside another request's open import transaction on the shared
 * connection. Everything above it sees plain rows; nothing above it imports DuckDB.
 */
export class Store implements Db {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly session: Session;

  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {
    this.session = new Session(connection);
  }

  static async open(path: string, options: OpenOptions = {}): Promise<Store> {
    const config: Record<string, string> = { threads: String(options.threads ?? 1) };
    if (options.readOnly) config.access_mode = 'READ_ONLY';
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, config);
    } catch (e) {
      throw mapOpenError(path, e);
    }
    const connection = await instance.connect();
    return new Store(path, instance, connection);
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn);
    this.tail = next.catch(() => undefined);
    return next;
  }

  run(sql: string, params?: SqlParams): Promise<void> {
    return this.serial(() => this.session.run(sql, params));
  }

  all<T extends object>(sql: string, params?: SqlParams): Promise<T[]> {
    return this.serial(() => this.session.all<T>(sql, params));
  }

  one<T extends object>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return this.serial(() => this.session.one<T>(sql, params));
  }

  appender(table: string): Promise<Appender> {
    return this.serial(() => this.session.appender(table));
  }

  /**
   * Streams a query's result chunk by chunk (2,048 rows each) to `fn`, with the row offset of each chunk,
   * so large panels go into typed arrays without row objects.
   */
  eachChunk(sql: string, fn: (chunk: DuckDBDataChunk, offset: number) => void): Promise<void> {
    return this.serial(async () => {
      const result = await this.connection.stream(sql);
      let offset = 0;
      for (;;) {
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        fn(chunk, offset);
        offset += chunk.rowCount;
      }
    });
  }

  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      await this.connection.run('BEGIN TRANSACTION');
      try {
        const out = await fn(this.session);
        await this.connection.run('COMMIT');
        return out;
      } catch (e) {
        await this.connection.run('ROLLBACK');
        throw e;
      }
    });
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

function normaliseRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (typeof v === 'bigint') out[k] = Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
    else out[k] = v;
  }
  return out;
}

function mapOpenError(path: string, e: unknown): FtzError {
  const message = e instanceof Error ? e.message : String(e);
  const lock = /Conflicting lock is held in (.+?)(?: \(PID (\d+)\))?\.?(?: See|$)/.exec(message);
  if (lock) {
    const holder = lock[2] ? `${lock[1] ?? 'process'} PID ${lock[2]}` : (lock[1] ?? 'another process');
    return new FtzError('store.locked', { path, holder }, { cause: e });
  }
  return new FtzError('store.open_failed', { path, reason: message }, { cause: e });
}

/** Quotes an SQL identifier; names we build ourselves still go through it so no input can break a statement. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

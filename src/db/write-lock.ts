import type { Client, InStatement, Transaction, TransactionMode } from '@libsql/client';

/**
 * SQLite has one writer at a time, and the embedded driver waits for a lock
 * synchronously: a second writer in this process would block the event loop
 * while the first could not finish, until the busy timeout fails it. So every
 * write in the process queues here, asynchronously, for its turn; reads (WAL)
 * never wait for writers and pass straight through. Whether a statement
 * writes is the caller's `writes` (SQLite's own answer, see kept-statements.ts);
 * batches, migrations, scripts and transactions other than 'read' always take
 * a turn.
 */
function createMutex() {
  let tail: Promise<void> = Promise.resolve();
  return (): Promise<() => void> => {
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const previous = tail;
    tail = previous.then(() => turn);
    return previous.then(() => release);
  };
}

/** Releases the write turn once the transaction ends, however it ends. */
function releasingOnEnd(tx: Transaction, release: () => void): Transaction {
  let released = false;
  const done = () => {
    if (!released) (released = true), release();
  };
  return new Proxy(tx, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (property === 'commit' || property === 'rollback') {
        return async () => {
          try {
            return await (value as () => Promise<void>).call(target);
          } finally {
            done();
          }
        };
      }
      if (property === 'close') return () => (target.close(), done());
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export function serialiseWrites(client: Client, writes: (sql: string) => Promise<boolean>): Client {
  const takeTurn = createMutex();
  const exclusive = async <T>(work: () => Promise<T>): Promise<T> => {
    const release = await takeTurn();
    try {
      return await work();
    } finally {
      release();
    }
  };
  return new Proxy(client, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      switch (property) {
        case 'execute':
          return async (statement: InStatement | string, args?: never) => {
            const run = () => target.execute(statement as string, args);
            return (await writes(typeof statement === 'string' ? statement : statement.sql)) ? exclusive(run) : run();
          };
        case 'batch':
        case 'migrate':
        case 'executeMultiple':
          return (...args: unknown[]) => exclusive(() => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
        case 'transaction':
          return async (mode?: TransactionMode) => {
            if (mode === 'read') return target.transaction(mode);
            const release = await takeTurn();
            try {
              return releasingOnEnd(await target.transaction(mode), release);
            } catch (error) {
              release();
              throw error;
            }
          };
        default:
          return typeof value === 'function' ? value.bind(target) : value;
      }
    },
  });
}

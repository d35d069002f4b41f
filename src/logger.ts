export type LogLevel = 'silent' | 'info' | 'debug';
export type Logger = {
  info: (message: string, fields?: Record<string, unknown>) => void;
  error: (message: string, fields?: Record<string, unknown>) => void;
};

/** Structured, one JSON object per line; silent in tests. */
export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  const emit = (lvl: string, message: string, fields?: Record<string, unknown>) =>
    write(JSON.stringify({ time: new Date().toISOString(), level: lvl, message, ...fields }));
  return {
    info: (message, fields) => {
      if (level !== 'silent') emit('info', message, fields);
    },
    error: (message, fields) => {
      if (level !== 'silent') emit('error', message, fields);
    },
  };
}

export const silentLogger = createLogger('silent');

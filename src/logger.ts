import { redactSecrets, redactValue } from './log-redaction.js';

export type LogLevel = 'silent' | 'info' | 'debug';
export type Logger = {
  info: (message: string, fields?: Record<string, unknown>) => void;
  error: (message: string, fields?: Record<string, unknown>) => void;
  /** Written only at LOG_LEVEL=debug: what the server does between requests (scheduler passes, mail attempts), never who. */
  debug: (message: string, fields?: Record<string, unknown>) => void;
};

/**
 * Structured, one JSON object per line; silent in tests. Every message and
 * field is redacted (log-redaction.ts) before it is written. A `time` field
 * replaces the line's own timestamp, for lines that must tell no more than a
 * coarser time.
 */
export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  const emit = (lvl: string, message: string, fields?: Record<string, unknown>) =>
    write(JSON.stringify({ time: new Date().toISOString(), level: lvl, message: redactSecrets(message), ...(fields ? (redactValue(fields) as object) : {}) }));
  return {
    info: (message, fields) => {
      if (level !== 'silent') emit('info', message, fields);
    },
    error: (message, fields) => {
      if (level !== 'silent') emit('error', message, fields);
    },
    debug: (message, fields) => {
      if (level === 'debug') emit('debug', message, fields);
    },
  };
}

export const silentLogger = createLogger('silent');

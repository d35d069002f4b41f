import { describe, expect, it } from 'vitest';
import { MAX_ERROR_CHARS } from '../../src/log-redaction.js';
import { createLogger } from '../../src/logger.js';

describe('a logged error', () => {
  it("is cut to a bounded size, like a failing query's SQL with thousands of placeholders, still redacted", () => {
    const lines: string[] = [];
    const log = createLogger('info', (line) => lines.push(line));
    const token = 'Ab3dEf6hIj9lMn2pQr5tUv8xYz';
    const sql = `Failed query: select * from members where id in (${Array(40_000).fill('?').join(', ')})\nparams: ${token}`;
    log.error('unhandled error', { error: new Error(`/a/${token} ${sql}`, { cause: new Error(sql) }) });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.length).toBeLessThan(MAX_ERROR_CHARS + 1_000);
    expect(lines[0]).toMatch(/characters more\)"/);
    expect(lines[0]).toContain('/a/:token');
    expect(lines[0]).not.toContain(token);
  });

  it('is whole when it is of a readable size', () => {
    const lines: string[] = [];
    createLogger('info', (line) => lines.push(line)).error('unhandled error', { error: new Error('short') });
    expect(lines[0]).toContain('Error: short');
    expect(lines[0]).not.toContain('characters more');
  });
});

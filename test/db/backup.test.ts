import { count } from 'drizzle-orm';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDatabase, BackupError } from '../../src/db/backup.js';
import { openDatabase } from '../../src/db/client.js';
import { responses } from '../../src/db/schema/index.js';
import { createTestApp } from '../helpers/app.js';
import { networkWithPeople } from '../helpers/people.js';
import { roundWithResponses, uniformAnswers } from '../results/fixture.js';

describe('backup', () => {
  it('copies the live database while writes go on, and the copy restores every response', async () => {
    const t = await createTestApp();
    try {
      const { network } = await networkWithPeople(t);
      const round = await roundWithResponses(t, network.id, [1, 2, 3, 4, 5].map((v) => uniformAnswers(t, v)));
      const target = join(t.database.dir, 'backup.db');
      // More answers arrive while the backup runs; the copy holds a consistent snapshot of before or after each.
      const more = roundWithResponses(t, network.id, [3, 3, 3].map((v) => uniformAnswers(t, v)));
      await backupDatabase(t.database.client, target);
      await more;
      const restored = await openDatabase(`file:${target}`);
      const [stored] = await restored.db.select({ n: count() }).from(responses);
      const [live] = await t.deps.db.select({ n: count() }).from(responses);
      expect(stored!.n).toBeGreaterThanOrEqual(5);
      expect(stored!.n).toBeLessThanOrEqual(live!.n);
      const check = await restored.client.execute('PRAGMA integrity_check');
      expect(check.rows[0]![0]).toBe('ok');
      const rows = await restored.client.execute({ sql: 'SELECT count(*) AS n FROM responses WHERE round_id = ?', args: [round.id] });
      expect(rows.rows[0]!.n).toBe(5);
      restored.close();
      await expect(backupDatabase(t.database.client, target)).rejects.toThrow(BackupError);
    } finally {
      t.database.dispose();
    }
  });
});

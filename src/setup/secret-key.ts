import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { instanceSettings } from '../db/schema/index.js';

const SETTING = 'generated_secret_key';

/** The configured SECRET_KEY, or else one generated on first start and kept in the database. */
export async function resolveSecretKey(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db.insert(instanceSettings).values({ key: SETTING, value: randomBytes(32).toString('hex') }).onConflictDoNothing();
  const [row] = await db.select().from(instanceSettings).where(eq(instanceSettings.key, SETTING));
  return row!.value;
}

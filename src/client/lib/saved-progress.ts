/** What a member has answered so far, and where they were. */
export type Progress = { data: Record<string, unknown>; pageNo: number };

export type ProgressStore = { load: () => Progress | null; save: (progress: Progress) => void; clear: () => void };

const PREFIX = 'vp-answers:';

/**
 * The storage key is a SHA-256 of the link's path, so each link has its own answers
 * and the token itself is never written to storage. Without crypto.subtle (a page
 * served over plain HTTP) there is no key, and progress is simply not kept.
 */
async function storageKey(path: string): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(path));
  return PREFIX + [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function isProgress(value: unknown): value is Progress {
  const candidate = value as Progress | null;
  return typeof candidate?.data === 'object' && candidate.data !== null && Number.isInteger(candidate.pageNo);
}

/** Progress kept in localStorage; storage that is full, disabled or corrupt only means nothing is kept. */
export async function progressStore(path: string): Promise<ProgressStore> {
  const key = await storageKey(path);
  const attempt = <T>(action: (storage: Storage, key: string) => T): T | null => {
    if (!key) return null;
    try {
      return action(localStorage, key);
    } catch {
      return null;
    }
  };
  return {
    load: () =>
      attempt((storage, k) => {
        const parsed: unknown = JSON.parse(storage.getItem(k) ?? 'null');
        return isProgress(parsed) ? parsed : null;
      }),
    save: (progress) => attempt((storage, k) => storage.setItem(k, JSON.stringify(progress))),
    clear: () => attempt((storage, k) => storage.removeItem(k)),
  };
}

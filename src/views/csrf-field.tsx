import type { PageContext } from '../http/env.js';

/** The session's CSRF token, required on every form a signed-in user submits. */
export function CsrfField({ c }: { c: PageContext }) {
  return <input type="hidden" name="_csrf" value={c.var.session?.csrfToken ?? ''} />;
}

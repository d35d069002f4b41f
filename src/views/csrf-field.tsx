/** The session's CSRF token, required on every form a signed-in user submits. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

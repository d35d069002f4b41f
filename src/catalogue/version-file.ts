/**
 * A version as a download, in the form of a file under surveys/ (two-space
 * indented JSON): another network can import it, or it can be contributed
 * back as surveys/<key>/v<N>.json.
 */
export function versionFile(key: string, suffix: string, json: Record<string, unknown>): { name: string; body: string } {
  return { name: `${key}-${suffix}.json`, body: `${JSON.stringify(json, null, 2)}\n` };
}

/**
 * Data for a browser script, in a non-executable script element. "<" is escaped so no text
 * in the data can close the element early; the CSP forbids inline scripts, so this is data only.
 */
export function EmbeddedJson({ id, value }: { id: string; value: unknown }) {
  return <script type="application/json" id={id} dangerouslySetInnerHTML={{ __html: JSON.stringify(value).replace(/</g, '\\u003c') }} />;
}

/** Reads the data the server put in a <script type="application/json"> element. */
export function readEmbeddedJson<T>(id: string): T {
  const element = document.getElementById(id);
  if (!element?.textContent) throw new Error(`The page has no #${id} data.`);
  return JSON.parse(element.textContent) as T;
}

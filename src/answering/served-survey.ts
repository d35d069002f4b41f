type Page = { elements?: Array<Record<string, unknown>> } & Record<string, unknown>;

/**
 * The questionnaire as this round asks it. A round that does not collect
 * background details does not ask for them: the server would drop the
 * answers anyway, and a member should not be asked what is not kept.
 */
export function surveyForRound(json: Record<string, unknown>, collectSegments: boolean): Record<string, unknown> {
  if (collectSegments) return json;
  const pages = (json.pages as Page[] | undefined) ?? [];
  const kept = pages
    .map((page) => ({ ...page, elements: (page.elements ?? []).filter((element) => element.segment === undefined) }))
    .filter((page) => page.elements.length > 0);
  return { ...json, pages: kept };
}

export type AnswerProblem = { code: string; question?: string; message: string };

export type SubmitOutcome =
  | { kind: 'stored'; day: string; message: string }
  | { kind: 'refused'; message: string }
  | { kind: 'invalid'; message: string; problems: AnswerProblem[] }
  | { kind: 'failed' };

/**
 * Sends the answers to POST /a/:token/submit once. A lost connection, a server
 * error or a reply we do not understand is 'failed': the answers stay in the page
 * and can be sent again.
 */
export async function postAnswers(url: string, body: { answers: unknown; language: string }): Promise<SubmitOutcome> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      cache: 'no-store',
    });
    const reply = (await response.json()) as { day?: string; message?: string; error?: string; problems?: AnswerProblem[] };
    if (response.status === 201 && reply.day && reply.message) return { kind: 'stored', day: reply.day, message: reply.message };
    if ((response.status === 404 || response.status === 409) && reply.error) return { kind: 'refused', message: reply.error };
    if (response.status === 422 && reply.error) return { kind: 'invalid', message: reply.error, problems: reply.problems ?? [] };
    return { kind: 'failed' };
  } catch {
    return { kind: 'failed' };
  }
}

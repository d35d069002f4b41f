import { Serializer } from 'survey-core';

/**
 * The platform's metadata lives in the SurveyJS JSON as custom properties,
 * registered identically on the server and in the browser, so a questionnaire
 * file renders unchanged while the server still knows what each item measures.
 */
export function registerSurveyProperties(): void {
  if (Serializer.findProperty('question', 'itemKey')) return;
  Serializer.addProperty('question', { name: 'itemKey', category: 'platform' });
  Serializer.addProperty('question', { name: 'measures', category: 'platform' });
  Serializer.addProperty('question', { name: 'segment', category: 'platform' });
  Serializer.addProperty('survey', { name: 'estimatedMinutes:number', category: 'platform' });
  Serializer.addProperty('survey', { name: 'languages', category: 'platform' });
  // What a shipped version changed since the one before, in every language it offers; shown above its diff.
  Serializer.addProperty('survey', { name: 'versionNote', category: 'platform', isLocalizable: true });
}

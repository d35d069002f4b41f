import { CatalogueError } from '../../src/catalogue/types.js';
import { validateSurvey } from '../../src/catalogue/validate.js';

/** The English problem validation finds in this JSON (as network-rules v2); fails the test if the JSON is accepted. */
export function problemOf(json: Record<string, unknown>): string {
  try {
    validateSurvey(json, 'network-rules/v2.json');
  } catch (error) {
    if (error instanceof CatalogueError) return error.problem;
    throw error;
  }
  throw new Error('the file was accepted');
}

import { ORGANISATION_TYPES } from '../db/schema/members.js';

/** Segment keys a background question may carry, with the values each allows (null: any). */
export const SEGMENT_VALUES: Record<string, readonly string[] | null> = {
  organisationType: ORGANISATION_TYPES,
  role: null,
};

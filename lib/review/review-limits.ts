/** Longest text of one write-up field, in characters. */
export const MAX_WRITE_UP_FIELD_LENGTH = 20_000;
/** Longest action item title, owner, feedback comment or annotation text, in characters. */
export const MAX_REVIEW_TEXT_LENGTH = 2_000;

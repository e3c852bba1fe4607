// Input limits shared by the server-side schemas and the forms that show them.
export const MAX_TITLE_LENGTH = 200;
export const MAX_NOTE_LENGTH = 2000;
/** Public updates are read on phones by people outside the response, so they stay short. */
export const MAX_UPDATE_LENGTH = 1000;
/** Largest value of a PostgreSQL integer column, such as versions and sequence numbers. */
export const MAX_INT32 = 2_147_483_647;

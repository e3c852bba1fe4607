// Input limits shared by the server-side schemas and the forms that show them.
export const MAX_TITLE_LENGTH = 200;
export const MAX_NOTE_LENGTH = 2000;

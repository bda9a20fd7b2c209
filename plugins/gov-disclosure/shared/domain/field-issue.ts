/** A problem with one field of a write, in the shape Strapi's ValidationError details use. */
export interface FieldIssue {
  path: string[];
  message: string;
}

export const issue = (field: string | string[], message: string): FieldIssue => ({
  path: Array.isArray(field) ? field : [field],
  message,
});

/** What the server said about a refused request, in the shape the admin's fetch client rejects with. */
interface FetchErrorShape {
  response?: { data?: { error?: { message?: string; details?: { errors?: Array<{ path?: Array<string | number>; message: string }> } } } };
  message?: string;
}

/** The server's own reason for a refusal (403/409/400), which says what to do next. */
export const errorMessage = (error: unknown): string => {
  const e = error as FetchErrorShape;
  return e.response?.data?.error?.message ?? e.message ?? String(error);
};

export interface FieldErrors {
  message: string;
  /** The first message for each top-level field a validation error names. */
  fields: Record<string, string>;
}

/** Strapi's validation error, field by field: { error: { message, details: { errors: [{ path, message }] } } }. */
export const fieldErrorsOf = (error: unknown): FieldErrors => {
  const fields: Record<string, string> = {};
  for (const item of (error as FetchErrorShape).response?.data?.error?.details?.errors ?? []) {
    const field = String(item.path?.[0] ?? '');
    if (field && !fields[field]) fields[field] = item.message;
  }
  return { message: errorMessage(error), fields };
};

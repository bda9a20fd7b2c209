/** What the server said about a refused request, in the shape the admin's fetch client rejects with. */
interface FetchErrorShape {
  /** The fetch client's FetchError carries the HTTP status itself, and the body as response.data. */
  status?: number;
  response?: {
    data?: { error?: { status?: number; message?: string; details?: { errors?: Array<{ path?: Array<string | number>; message: string }> } } };
  };
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

export interface ServerProblem {
  status: number | null;
  message: string;
  /** The first message for each field path the server named, joined with dots ('fee.items', 'workdays.0'). */
  fields: Record<string, string>;
}

/** A refusal as the forms show it: the message, and each field's message beside the field. */
export const problemOf = (error: unknown): ServerProblem => {
  const e = error as FetchErrorShape;
  const fields: Record<string, string> = {};
  for (const item of e.response?.data?.error?.details?.errors ?? []) {
    const path = (item.path ?? []).map(String).join('.');
    if (!fields[path]) fields[path] = item.message;
  }
  return { status: e.status ?? e.response?.data?.error?.status ?? null, message: errorMessage(error), fields };
};

/** The first message for a field or anything under it ('fee' finds 'fee.items'). */
export const fieldProblem = (problem: ServerProblem | null, field: string): string | undefined => {
  if (!problem) return undefined;
  if (problem.fields[field]) return problem.fields[field];
  const nested = Object.keys(problem.fields).find((path) => path.startsWith(`${field}.`));
  return nested ? problem.fields[nested] : undefined;
};

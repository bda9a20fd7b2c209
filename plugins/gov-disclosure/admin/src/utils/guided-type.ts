/**
 * The plugin's content types name themselves in their schema's pluginOptions
 * (`"gov-disclosure": { "fieldGuide": "catalog-entry" }`): the Content Manager's edit-view and
 * list-view hooks receive a layout without its uid, and every other content type must be left
 * exactly as it was.
 */
export const guidedType = (layout: { options?: Record<string, unknown> } | null | undefined): string | undefined =>
  (layout?.options?.['gov-disclosure'] as { fieldGuide?: string } | undefined)?.fieldGuide;

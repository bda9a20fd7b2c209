/**
 * What the public may see of the catalog, in one place: a live (published) entry that is not
 * withheld (不予公开) and is addressed to the public. Every public read and index uses this rule.
 */
export const publicWhere = (locale: string) => ({
  locale,
  publishedAt: { $notNull: true },
  disclosureMode: { $ne: 'withheld' },
  disclosureScope: 'public',
});

/** The same rule over an entry's values, for a row not yet stored (an import checking its file). */
export const isPublicEntry = (e: { disclosureMode: string; disclosureScope: string }): boolean =>
  e.disclosureMode !== 'withheld' && e.disclosureScope === 'public';

/**
 * 依申请公开 information is listed in the catalog so that people know it exists and can apply
 * for it; its text and files go to the applicant, not to the open web.
 */
export const contentIsPublic = (disclosureMode: string): boolean => disclosureMode !== 'on_request';

/** The same rule in SQL, over the entries table aliased `e`. */
export const PUBLIC_ENTRY_SQL = "e.published_at IS NOT NULL AND e.disclosure_mode <> 'withheld' AND e.disclosure_scope = 'public'";

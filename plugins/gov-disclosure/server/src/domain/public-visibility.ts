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

/** The same rule in SQL, over the entries table aliased `e`. */
export const PUBLIC_ENTRY_SQL = "e.published_at IS NOT NULL AND e.disclosure_mode <> 'withheld' AND e.disclosure_scope = 'public'";

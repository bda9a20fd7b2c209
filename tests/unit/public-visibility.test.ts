import { contentIsPublic, isPublicEntry, PUBLIC_ENTRY_SQL, publicWhere } from '../../plugins/gov-disclosure/server/src/domain/public-visibility';

describe('what the public may see', () => {
  it('a live entry that is not withheld and is addressed to the public', () => {
    expect(isPublicEntry({ disclosureMode: 'proactive', disclosureScope: 'public' })).toBe(true);
    expect(isPublicEntry({ disclosureMode: 'on_request', disclosureScope: 'public' })).toBe(true); // listed, text not published
    expect(isPublicEntry({ disclosureMode: 'withheld', disclosureScope: 'public' })).toBe(false);
    expect(isPublicEntry({ disclosureMode: 'proactive', disclosureScope: 'specific' })).toBe(false);
  });

  it('the same rule as a query and as SQL', () => {
    expect(publicWhere('zh-Hans')).toEqual({
      locale: 'zh-Hans',
      publishedAt: { $notNull: true },
      disclosureMode: { $ne: 'withheld' },
      disclosureScope: 'public',
    });
    expect(PUBLIC_ENTRY_SQL).toBe("e.published_at IS NOT NULL AND e.disclosure_mode <> 'withheld' AND e.disclosure_scope = 'public'");
  });

  it('依申请公开: the catalog lists it, its text and files go to the applicant', () => {
    expect(contentIsPublic('on_request')).toBe(false);
    expect(contentIsPublic('proactive')).toBe(true);
  });
});

import slugify from 'slugify';
import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;

/**
 * URL slug of a title: Chinese characters become toneless pinyin syllables, one per word part
 * (通知公告 → tong-zhi-gong-gao), other text goes through slugify. Never empty.
 */
export const toSlug = (text: string, maxLength = 80): string => {
  const spaced = HAN.test(text) ? pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).join(' ') : text;
  const slug = slugify(spaced, { lower: true, strict: true, trim: true });
  const cut = slug.slice(0, maxLength).replace(/-+$/, '');
  return cut || 'item';
};

/** First of slug, slug-2, slug-3 … that `taken` does not report as used. */
export const uniqueSlug = async (base: string, taken: (candidate: string) => Promise<boolean>): Promise<string> => {
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    // eslint-disable-next-line no-await-in-loop -- candidates are tried in order, each depends on the last
    if (!(await taken(candidate))) return candidate;
  }
};

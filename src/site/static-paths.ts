/**
 * getStaticPaths() in every language, with the build-process split (shard.ts): the one helper
 * every page's getStaticPaths goes through.
 */
import { LANGS, type Lang } from '../i18n/index.ts';
import { sharedPaths } from './shard.ts';

/**
 * The static paths of every language for a page: `[...lang]` is undefined for zh, "en" for
 * English. None in a process that builds only profiles (shard.ts), unless `profiles` is set.
 */
export function langPaths<P extends Record<string, string | undefined>, T extends Record<string, unknown>>(
  make: () => { params: P; props: T; cacheKey?: string | undefined }[],
  profiles = false,
): { params: P & { lang: string | undefined }; props: T & { lang: Lang } }[] {
  const base = profiles ? make() : sharedPaths(make);
  return LANGS.flatMap((lang) =>
    base.map((item) => ({
      ...item,
      params: { ...item.params, lang: lang === 'zh' ? undefined : lang },
      props: { ...item.props, lang },
    })),
  );
}

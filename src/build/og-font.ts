/**
 * The font of the share images (og-render.ts). resvg draws text only with the fonts it is
 * given, and the cards are mostly Chinese, so a font with CJK glyphs is needed: PORTAL_OG_FONT,
 * else the first of the usual system places (Debian's fonts-wqy-microhei and fonts-noto-cjk,
 * which CI installs for the browser tests, and the common macOS and Windows fonts). Without one,
 * the site is built without share images and the build says why (ogFontNotice), rather than
 * publishing cards with missing glyphs.
 */
import { existsSync } from 'node:fs';
import { buildEnv } from './env.ts';

/** Where CJK fonts are usually installed, most common first. */
export const SYSTEM_CJK_FONTS: readonly string[] = [
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/System/Library/Fonts/PingFang.ttc',
  '/System/Library/Fonts/STHeiti Medium.ttc',
  'C:\\Windows\\Fonts\\msyh.ttc',
  'C:\\Windows\\Fonts\\simhei.ttf',
];

/** The font file the share images are drawn with: PORTAL_OG_FONT, else the first system CJK font found. */
export function ogFontFile(configured: string | undefined = buildEnv().ogFont, candidates: readonly string[] = SYSTEM_CJK_FONTS): string | undefined {
  return configured ?? candidates.find((path) => existsSync(path));
}

/** What the build prints when it makes no share images. */
export const ogFontNotice =
  'Share images (og:image) skipped: no font with Chinese glyphs found. Install one (Debian: apt-get install fonts-wqy-microhei) or set PORTAL_OG_FONT to a .ttf/.otf/.ttc file.';

let found: { file: string | undefined } | undefined;

/** This build's share-image font (looked up once), or undefined: then there are no share images. */
export function ogFont(): string | undefined {
  found ??= { file: ogFontFile() };
  return found.file;
}

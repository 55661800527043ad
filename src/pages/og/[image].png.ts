// The share images: /og/{type}-{lang}.png, one per page type and language (src/site/og-cards.ts),
// drawn as SVG (src/site/og-image.ts) and rendered to PNG at build time (src/build/og-render.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { renderPng } from '../../build/og-render.ts';
import { ogCardSvg, type OgType } from '../../site/og-image.ts';
import { ogCards, ogFacts } from '../../site/og-cards.ts';
import { ogFont } from '../../build/og-font.ts';
import { sharedPaths } from '../../site/shard.ts';
import type { Lang } from '../../i18n/index.ts';

export const getStaticPaths = (() =>
  sharedPaths(() => ogCards().map(({ type, lang }) => ({ params: { image: `${type}-${lang}` }, props: { type, lang } })))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { type, lang } = props as { type: OgType; lang: Lang };
  const png = await renderPng(ogCardSvg(type, lang, ogFacts(lang)), ogFont()!);
  return new Response(Buffer.from(png), { headers: { 'Content-Type': 'image/png' } });
};

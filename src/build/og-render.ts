/**
 * Share images (og:image): an SVG drawn by src/site/og-image.ts turned into a PNG at build
 * time by resvg compiled to WebAssembly (@resvg/resvg-wasm: no native binary, no network).
 *
 * resvg draws text only with the fonts it is given: the one font og-font.ts finds.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { initWasm, Resvg } from '@resvg/resvg-wasm';

let ready: Promise<void> | undefined;
const fonts = new Map<string, Uint8Array>();

/** The wasm module's bytes, found from this file and, in Astro's bundled output, from the project. */
function wasmBytes(): Buffer {
  const bases = [import.meta.url, join(process.cwd(), 'package.json')];
  for (const base of bases) {
    try {
      return readFileSync(createRequire(base).resolve('@resvg/resvg-wasm/index_bg.wasm'));
    } catch {
      // try the next base
    }
  }
  throw new Error('@resvg/resvg-wasm is not installed (npm install)');
}

/** Renders an SVG document to PNG bytes with the given font file as the only font. */
export async function renderPng(svg: string, fontFile: string): Promise<Uint8Array> {
  ready ??= initWasm(wasmBytes());
  await ready;
  let font = fonts.get(fontFile);
  if (!font) {
    font = new Uint8Array(readFileSync(fontFile));
    fonts.set(fontFile, font);
  }
  const resvg = new Resvg(svg, { font: { fontBuffers: [font], loadSystemFonts: false }, fitTo: { mode: 'original' } });
  try {
    const image = resvg.render();
    try {
      return image.asPng();
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}

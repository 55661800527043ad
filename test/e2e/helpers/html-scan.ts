// A small HTML tokenizer for checks over every built file (not only the pages a browser visits):
// it knows where tags, attribute values, comments and raw-text elements begin and end, so a
// payload that is safely inside an attribute value or escaped text is not mistaken for markup.

/** A start tag as a browser would see it. */
export interface StartTag {
  name: string;
  attrs: { name: string; value: string }[];
  /** Offset of the `<` in the file. */
  at: number;
}

/** A script or style element's raw text with its start tag. */
export interface RawText {
  tag: StartTag;
  text: string;
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n', nbsp: '\u00a0' };

/** Decodes the character references a browser decodes in an attribute value (the ones that matter here). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[ref.toLowerCase()] ?? m;
  });
}

/** Splits HTML (or XML) into start tags and raw-text bodies, skipping comments, CDATA and text. */
export function scanHtml(html: string): { tags: StartTag[]; rawTexts: RawText[] } {
  const tags: StartTag[] = [];
  const rawTexts: RawText[] = [];
  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (html.startsWith('<![CDATA[', lt)) {
      const end = html.indexOf(']]>', lt + 9);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const end = html.indexOf('>', lt + 2);
      i = end < 0 ? n : end + 1;
      continue;
    }
    const closing = html[lt + 1] === '/';
    const nameStart = lt + (closing ? 2 : 1);
    if (!/[a-zA-Z]/.test(html[nameStart] ?? '')) {
      i = lt + 1; // a lone "<" in text
      continue;
    }
    let j = nameStart;
    while (j < n && !/[\s/>]/.test(html[j]!)) j++;
    const name = html.slice(nameStart, j).toLowerCase();
    const attrs: { name: string; value: string }[] = [];
    // Attributes, following the HTML tokenizer's states closely enough for well-formed output.
    for (;;) {
      while (j < n && /[\s/]/.test(html[j]!)) j++;
      if (j >= n || html[j] === '>') break;
      const an = j;
      while (j < n && !/[\s/>=]/.test(html[j]!)) j++;
      if (j === an) j++; // a stray character
      const attrName = html.slice(an, j).toLowerCase();
      while (j < n && /\s/.test(html[j]!)) j++;
      let value = '';
      if (html[j] === '=') {
        j++;
        while (j < n && /\s/.test(html[j]!)) j++;
        const q = html[j];
        if (q === '"' || q === "'") {
          const end = html.indexOf(q, j + 1);
          value = html.slice(j + 1, end < 0 ? n : end);
          j = end < 0 ? n : end + 1;
        } else {
          const vs = j;
          while (j < n && !/[\s>]/.test(html[j]!)) j++;
          value = html.slice(vs, j);
        }
      }
      attrs.push({ name: attrName, value: decodeEntities(value) });
    }
    i = j + 1;
    if (closing) continue;
    const tag = { name, attrs, at: lt };
    tags.push(tag);
    if (RAW_TEXT.has(name) && !html.slice(lt, j + 1).endsWith('/>')) {
      const end = html.toLowerCase().indexOf(`</${name}`, i);
      rawTexts.push({ tag, text: html.slice(i, end < 0 ? n : end) });
      i = end < 0 ? n : end;
    }
  }
  return { tags, rawTexts };
}

const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcset', 'ping', 'cite']);

/**
 * True when a URL attribute would run code when followed: javascript: and vbscript: in any
 * spelling, and data: URLs other than images (an inline SVG favicon is fine: images never run
 * script, and browsers refuse to navigate to data: URLs).
 */
export function isDangerousUrl(value: string): boolean {
  const v = value.toLowerCase().replace(/[\s\u0000-\u001f]/g, '');
  if (/^(javascript|vbscript):/.test(v)) return true;
  return /^data:/.test(v) && !/^data:image\/[a-z0-9.+-]+[;,]/.test(v);
}

/** Whether a script element's body is run by the browser (as opposed to JSON or a template). */
export function isExecutableScript(tag: StartTag): boolean {
  const type = (tag.attrs.find((a) => a.name === 'type')?.value ?? '').trim().toLowerCase();
  return type === '' || type === 'module' || /^(text|application)\/(x-)?(java|ecma)script$/.test(type);
}

/**
 * Markup in a file that could only come from data that escaping missed: frames and plug-ins,
 * event handlers that call `pattern`, dangerous URLs, and executable scripts containing `pattern`.
 */
export function findLiveMarkup(html: string, pattern = /alert\s*\(/): string[] {
  const { tags, rawTexts } = scanHtml(html);
  const found: string[] = [];
  const show = (t: StartTag) => html.slice(t.at, t.at + 120).replace(/\s+/g, ' ');
  for (const t of tags) {
    if (['iframe', 'frame', 'object', 'embed', 'applet', 'base'].includes(t.name)) found.push(`<${t.name}> element: ${show(t)}`);
    for (const a of t.attrs) {
      if (a.name.startsWith('on') && pattern.test(a.value)) found.push(`event handler ${a.name}: ${show(t)}`);
      if (URL_ATTRS.has(a.name) && isDangerousUrl(a.value)) found.push(`${a.name} with a dangerous URL: ${show(t)}`);
      if (a.name === 'srcdoc') found.push(`srcdoc attribute: ${show(t)}`);
    }
    if (t.name === 'meta' && t.attrs.some((a) => a.name === 'http-equiv' && a.value.toLowerCase() === 'refresh')) {
      const content = t.attrs.find((a) => a.name === 'content')?.value ?? '';
      const url = /url\s*=\s*['"]?([^'"]*)/i.exec(content)?.[1] ?? '';
      if (isDangerousUrl(url)) found.push(`meta refresh to a dangerous URL: ${show(t)}`);
    }
  }
  for (const r of rawTexts) {
    if (r.tag.name === 'script' && isExecutableScript(r.tag) && pattern.test(r.text)) found.push(`script running the payload: ${show(r.tag)} ${r.text.slice(0, 80)}`);
  }
  return found;
}

/** Every link target of a page (href of a, area, link; src of script, img, source…), entity-decoded. */
export function extractUrls(html: string): { tag: string; attr: string; url: string }[] {
  const out: { tag: string; attr: string; url: string }[] = [];
  for (const t of scanHtml(html).tags) {
    for (const a of t.attrs) {
      if (a.name === 'srcset') {
        for (const part of a.value.split(',')) {
          const url = part.trim().split(/\s+/)[0];
          if (url) out.push({ tag: t.name, attr: a.name, url });
        }
      } else if (URL_ATTRS.has(a.name) && a.value.trim() !== '') out.push({ tag: t.name, attr: a.name, url: a.value.trim() });
    }
  }
  return out;
}

const FETCHED_LINK_RELS = new Set(['stylesheet', 'preload', 'prefetch', 'preconnect', 'dns-prefetch', 'modulepreload', 'icon', 'apple-touch-icon', 'manifest', 'prerender']);

/**
 * Resources a page makes the browser fetch from another site: scripts, images, media, frames,
 * stylesheets, fonts, preconnects… (links a reader may follow, canonical and alternate links are
 * not fetched and not listed). A URL is foreign when it is absolute or protocol-relative.
 */
export function findForeignResources(html: string): string[] {
  const foreign = (url: string) => /^(https?:)?\/\//i.test(url.trim());
  const found: string[] = [];
  for (const t of scanHtml(html).tags) {
    const attr = (n: string) => t.attrs.find((a) => a.name === n)?.value;
    if (t.name === 'link') {
      const rels = (attr('rel') ?? '').toLowerCase().split(/\s+/);
      const href = attr('href') ?? '';
      if (rels.some((r) => FETCHED_LINK_RELS.has(r)) && foreign(href)) found.push(`<link rel="${rels.join(' ')}" href="${href}">`);
      continue;
    }
    for (const a of t.attrs) {
      if (['src', 'poster', 'data', 'background'].includes(a.name) && foreign(a.value)) found.push(`<${t.name} ${a.name}="${a.value}">`);
      if (a.name === 'srcset' && a.value.split(',').some((p) => foreign(p.trim()))) found.push(`<${t.name} srcset="${a.value}">`);
      if (a.name === 'style' && /url\(\s*['"]?(https?:)?\/\//i.test(a.value)) found.push(`<${t.name} style="${a.value.slice(0, 80)}">`);
    }
  }
  for (const r of scanHtml(html).rawTexts) {
    if (r.tag.name === 'style' && /(url\(\s*['"]?|@import\s+['"])(https?:)?\/\//i.test(r.text)) found.push(`<style> loading from another site: ${r.text.slice(0, 80)}`);
  }
  return found;
}

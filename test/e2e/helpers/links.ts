// A fast link checker for a whole built site (tens of thousands of pages, over a gigabyte of
// HTML): every href/src of every HTML file is resolved in-process against the file tree, as a
// static host would serve it. A regex over start tags is enough for Astro's well-formed output
// and is an order of magnitude faster than a full tokenizer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeEntities } from './html-scan.ts';
import { listFiles, urlPathOf } from './build.ts';

/** A link found in a page: the tag and attribute it came from, and the tag's rel (if any). */
export interface FoundLink {
  page: string;
  tag: string;
  attr: string;
  rel: string;
  url: string;
}

export interface LinkReport {
  pages: number;
  /** Internal links checked (including repeats across pages). */
  checked: number;
  /** Internal links whose target is not in the build. */
  broken: (FoundLink & { target: string })[];
  /** Links to another origin (including the configured site URL's absolute links). */
  external: FoundLink[];
  /** Internal links that do not start with the base path. */
  outsideBase: FoundLink[];
}

/** A URL-bearing attribute and its value (double-, single- or un-quoted). */
const URL_ATTR = /\s(href|src|srcset|poster|action|formaction|xlink:href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;
const TAG_NAME = /^<([a-zA-Z][^\s/>]*)/;
const REL = /\srel\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;

/**
 * Calls `visit` with every URL-bearing attribute of every start tag of `html`, entity-decoded.
 * Works on text decoded as latin1 (much faster than UTF-8 for Chinese pages, and URLs are
 * ASCII): pass `latin1: true` and the rare non-ASCII URL is re-decoded as UTF-8.
 */
export function forEachLink(html: string, page: string, latin1: boolean, visit: (link: FoundLink) => void): void {
  for (const m of html.matchAll(URL_ATTR)) {
    const lt = html.lastIndexOf('<', m.index);
    const tag = TAG_NAME.exec(html.slice(lt, lt + 40))?.[1]?.toLowerCase();
    if (!tag) continue; // not inside a start tag (e.g. text that reads "href=")
    const attr = m[1]!.toLowerCase();
    let value = (m[2] ?? m[3] ?? m[4] ?? '').trim();
    if (value === '') continue;
    if (latin1 && /[^\x00-\x7f]/.test(value)) value = Buffer.from(value, 'latin1').toString('utf8');
    if (value.includes('&')) value = decodeEntities(value);
    let rel = '';
    if (/^([a-z]+:)?\/\//i.test(value)) {
      // Only links that may leave the site need their rel (nofollow, canonical, alternate).
      const gt = html.indexOf('>', m.index);
      const relMatch = REL.exec(html.slice(lt, gt < 0 ? undefined : gt));
      rel = relMatch ? (relMatch[1] ?? relMatch[2] ?? relMatch[3] ?? '') : '';
    }
    const urls = attr === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '') : [value];
    for (const url of urls) if (url) visit({ page, tag, attr, rel, url });
  }
}

/** Every URL-bearing attribute of every start tag of `html` (see forEachLink). */
export function linksOf(html: string, page = ''): FoundLink[] {
  const out: FoundLink[] = [];
  forEachLink(html, page, false, (l) => out.push(l));
  return out;
}

/** What a URL is, seen from one folder of the site (cached: the same few hundred URLs recur on every page). */
type Verdict =
  | { kind: 'skip' }
  /** `checkAs`: the path to check when the URL is the configured site URL's. */
  | { kind: 'external'; checkAs: string | null }
  | { kind: 'internal'; path: string }
  | { kind: 'unparseable' };

/**
 * Checks every internal link of every HTML page of `dist`, served under `base`: a fragment
 * or query is stripped, a folder means its index.html. Links to `siteUrl` (canonical,
 * hreflang alternates) count as external for the origin rule and are also checked for a
 * target. `mailto:`, `tel:` and `data:` URLs are not links to check.
 */
export function checkSiteLinks(dist: string, options: { base?: string; siteUrl?: string } = {}): LinkReport {
  const base = options.base ?? '/';
  const files = new Set(listFiles(dist));
  const dirs = new Set<string>();
  for (const f of files) for (let i = f.indexOf('/'); i >= 0; i = f.indexOf('/', i + 1)) dirs.add(f.slice(0, i));
  const origin = 'http://site.invalid';
  const siteOrigin = options.siteUrl ? new URL(options.siteUrl).origin : null;
  const verdicts = new Map<string, Verdict>();
  const verdictOf = (url: string, page: string): Verdict => {
    if (url.startsWith('#')) return { kind: 'skip' };
    // Root-absolute URLs mean the same from every page; relative ones depend on the folder.
    const key = url.startsWith('/') && !url.startsWith('//') ? url : `${page.slice(0, page.lastIndexOf('/') + 1)}\n${url}`;
    const cached = verdicts.get(key);
    if (cached) return cached;
    let v: Verdict;
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
    if (scheme && ['mailto', 'tel', 'data'].includes(scheme)) v = { kind: 'skip' };
    else if (scheme && !['http', 'https'].includes(scheme)) v = { kind: 'external', checkAs: null }; // javascript:, ftp: …
    else {
      let resolved: URL | null = null;
      try {
        resolved = new URL(url, origin + page);
      } catch {
        // reported below
      }
      if (!resolved) v = { kind: 'unparseable' };
      else if (resolved.origin === origin) v = { kind: 'internal', path: resolved.pathname };
      else v = { kind: 'external', checkAs: resolved.origin === siteOrigin ? resolved.pathname : null };
    }
    verdicts.set(key, v);
    return v;
  };
  const targets = new Map<string, string | null>();
  /** The missing file a path needs, or null when it resolves. */
  const missingTarget = (pathname: string): string | null => {
    let cached = targets.get(pathname);
    if (cached !== undefined) return cached;
    let rel = pathname.slice(base.length);
    try {
      rel = decodeURIComponent(rel);
    } catch {
      // keep it encoded: it will not match a file and is reported
    }
    const file = rel === '' || rel.endsWith('/') ? `${rel}index.html` : dirs.has(rel) ? `${rel}/index.html` : rel;
    cached = files.has(file) ? null : file;
    targets.set(pathname, cached);
    return cached;
  };
  const report: LinkReport = { pages: 0, checked: 0, broken: [], external: [], outsideBase: [] };
  const check = (link: FoundLink) => {
    const v = verdictOf(link.url, link.page);
    if (v.kind === 'skip') return;
    if (v.kind === 'unparseable') {
      report.broken.push({ ...link, target: '(unparseable URL)' });
      return;
    }
    let path: string;
    if (v.kind === 'external') {
      report.external.push(link);
      if (v.checkAs === null) return;
      path = v.checkAs;
    } else path = v.path;
    report.checked++;
    if (!path.startsWith(base)) {
      report.outsideBase.push(link);
      return;
    }
    const missing = missingTarget(path);
    if (missing !== null) report.broken.push({ ...link, target: missing });
  };
  for (const file of files) {
    if (!file.endsWith('.html')) continue;
    report.pages++;
    forEachLink(readFileSync(join(dist, file), 'latin1'), urlPathOf(file, base), true, check);
  }
  return report;
}

/** Groups links by their URL for a short failure message: URL ← first pages that carry it. */
export function describeLinks(links: (FoundLink & { target?: string })[], max = 60): string {
  const byUrl = new Map<string, { link: FoundLink & { target?: string }; pages: string[] }>();
  for (const l of links) {
    const key = `${l.tag}[${l.attr}]=${l.url}`;
    const entry = byUrl.get(key) ?? { link: l, pages: [] };
    entry.pages.push(l.page);
    byUrl.set(key, entry);
  }
  const lines = [...byUrl.entries()].slice(0, max).map(([key, { link, pages }]) => {
    const target = link.target ? ` (no ${link.target})` : '';
    return `  <${key}>${target} on ${pages.length} page(s): ${pages.slice(0, 3).join(', ')}${pages.length > 3 ? ', …' : ''}`;
  });
  if (byUrl.size > max) lines.push(`  … and ${byUrl.size - max} more distinct URLs`);
  return `${links.length} link(s), ${byUrl.size} distinct:\n${lines.join('\n')}`;
}

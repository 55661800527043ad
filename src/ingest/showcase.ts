import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { renderMarkdown } from './markdown.ts';

/** Front matter of one showcase (高积分企业推介专栏) entry, `showcase/*.md` in the data folder. */
export const showcaseFrontMatter = z
  .object({
    title: z.string().min(1, 'must not be blank').max(120).describe('headline of the entry'),
    title_en: z.string().max(200).optional().describe('English headline (the Chinese one is shown when absent)'),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
      .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'is not a real calendar date')
      .describe('publication date'),
    enterprise: z.string().min(1, 'must name the enterprise by its 统一社会信用代码').describe('id of the enterprise featured'),
    park: z.string().min(1, 'must name the park code').describe('code of the park in parks.csv'),
    author: z.string().min(1, 'must not be blank').describe('author or source of the entry'),
    source: z.string().optional().describe('where the text was first published, if elsewhere'),
    summary: z.string().max(300).optional().describe('one-sentence summary for lists and the feed'),
    summary_en: z
      .string()
      .max(600)
      .optional()
      .describe('English one-sentence summary for the English lists, feed and page description (the Chinese one is shown, marked as Chinese, when absent)'),
  })
  .strict();

export interface ShowcaseEntry {
  slug: string;
  file: string;
  title: string;
  titleEn: string;
  date: string;
  enterprise: string;
  park: string;
  author: string;
  source: string;
  summary: string;
  /** English summary, '' when none. */
  summaryEn: string;
  html: string;
  /** The English body (after a line ENGLISH_BODY_MARKER), rendered; '' when none. */
  htmlEn: string;
  /** The English body's first paragraph as plain text (an excerpt for lists when there is no summary_en); '' when none. */
  excerptEn: string;
}

/** A line of its own in an entry's body: the Chinese body above it, the English body below. */
export const ENGLISH_BODY_MARKER = '::: en';

/** Splits a body at the English marker line: the Chinese body and the English one ('' when there is no marker). */
export function splitEnglishBody(body: string): { zh: string; en: string; markers: number } {
  const parts = body.split(/^::: ?en[ \t]*$/m);
  return { zh: parts[0]!, en: parts.slice(1).join('\n'), markers: parts.length - 1 };
}

/** The first paragraph of Markdown (not a heading, quote or list) as plain text, at most 280 characters. */
export function firstParagraph(markdown: string): string {
  const para = markdown
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .find((p) => p !== '' && !/^(#|>|[-*+] |\d+\. |```)/.test(p));
  if (!para) return '';
  const text = para
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 280 ? `${text.slice(0, 279).trimEnd()}…` : text;
}

/** Splits `---` front matter (simple `key: value` lines) from a Markdown body. */
function splitFrontMatter(text: string): { fields: Record<string, string>; body: string; bodyLine: number } | { error: string; line: number } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return { error: 'must start with a --- front matter block (title, date, enterprise, park, author)', line: 1 };
  const fields: Record<string, string> = {};
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '---') return { fields, body: lines.slice(i + 1).join('\n'), bodyLine: i + 2 };
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.*)$/.exec(line);
    if (!m) return { error: `front matter line is not "key: value" (got "${line.slice(0, 60)}")`, line: i + 1 };
    let value = m[2]!.trim();
    if ((value.startsWith('"') && value.endsWith('"') && value.length >= 2) || (value.startsWith("'") && value.endsWith("'") && value.length >= 2)) {
      value = value.slice(1, -1);
    }
    fields[m[1]!] = value;
  }
  return { error: 'the front matter block is never closed with ---', line: 1 };
}

/**
 * Reads and validates the showcase entries of a data folder. An entry naming an enterprise or
 * park that the data does not have is an error located at its front-matter line.
 */
export function loadShowcase(
  dataDir: string,
  known: { enterprise: (id: string) => boolean; park: (code: string) => boolean },
): { entries: ShowcaseEntry[]; errors: string[] } {
  const dir = join(dataDir, 'showcase');
  const entries: ShowcaseEntry[] = [];
  const errors: string[] = [];
  if (!existsSync(dir)) return { entries, errors };
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md')
    .sort();
  for (const name of files) {
    const file = join(dir, name);
    const text = readFileSync(file, 'utf8');
    const split = splitFrontMatter(text);
    if ('error' in split) {
      errors.push(`${file}:${split.line}: ${split.error}`);
      continue;
    }
    const lineOf = (key: string) => {
      const i = text.split(/\r?\n/).findIndex((l) => l.startsWith(`${key}:`) || l.startsWith(`${key} :`));
      return i >= 0 ? i + 1 : 1;
    };
    const parsed = showcaseFrontMatter.safeParse(split.fields);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        const msg = issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}` : issue.message;
        errors.push(`${file}:${key ? lineOf(key) : 1}: ${key ? `field "${key}": ` : ''}${msg}${key && split.fields[key] !== undefined ? ` (got "${split.fields[key]}")` : ''}`);
      }
      continue;
    }
    const fm = parsed.data;
    let bad = false;
    if (!known.enterprise(fm.enterprise)) {
      errors.push(`${file}:${lineOf('enterprise')}: field "enterprise": no enterprise with this id in enterprises.csv (got "${fm.enterprise}")`);
      bad = true;
    }
    if (!known.park(fm.park)) {
      errors.push(`${file}:${lineOf('park')}: field "park": not a code in parks.csv (got "${fm.park}")`);
      bad = true;
    }
    const bodies = splitEnglishBody(split.body);
    if (bodies.zh.trim() === '') {
      errors.push(`${file}:${split.bodyLine}: the entry has no text below the front matter`);
      bad = true;
    }
    if (bodies.markers > 1 || (bodies.markers === 1 && bodies.en.trim() === '')) {
      const line = split.bodyLine + split.body.split(/\r?\n/).findIndex((l) => /^::: ?en[ \t]*$/.test(l));
      errors.push(`${file}:${line}: a line "${ENGLISH_BODY_MARKER}" starts the English text, once, and must be followed by it`);
      bad = true;
    }
    if (bad) continue;
    entries.push({
      slug: name.replace(/\.md$/, '').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || `entry-${entries.length + 1}`,
      file: name,
      title: fm.title,
      titleEn: fm.title_en ?? '',
      date: fm.date,
      enterprise: fm.enterprise,
      park: fm.park,
      author: fm.author,
      source: fm.source ?? '',
      summary: fm.summary ?? '',
      summaryEn: fm.summary_en ?? '',
      html: renderMarkdown(bodies.zh),
      htmlEn: bodies.en.trim() === '' ? '' : renderMarkdown(bodies.en),
      excerptEn: firstParagraph(bodies.en),
    });
  }
  const slugs = new Set<string>();
  for (const e of entries) {
    if (slugs.has(e.slug)) errors.push(`${join(dir, e.file)}:1: its file name gives the same page address "${e.slug}" as another entry; rename one`);
    slugs.add(e.slug);
  }
  entries.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.slug < b.slug ? -1 : 1));
  return { entries, errors };
}

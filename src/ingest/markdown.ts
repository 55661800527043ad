import { Marked, type Tokens } from 'marked';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Only these link targets survive: web, mail and same-site paths; `javascript:` and the like become plain text. */
export function isSafeUrl(href: string): boolean {
  const h = href.trim();
  if (/^(https?:|mailto:)/i.test(h)) return true;
  return /^[/#?.]/.test(h) || !/^[a-z][a-z0-9+.-]*:/i.test(h);
}

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    // Raw HTML in an entry is shown as text, never passed through.
    html(token: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(token.text);
    },
    link(token: Tokens.Link) {
      const text = this.parser.parseInline(token.tokens);
      if (!isSafeUrl(token.href)) return text;
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
      return `<a href="${escapeHtml(token.href)}"${title} rel="nofollow noopener">${text}</a>`;
    },
    image(token: Tokens.Image) {
      // Images would load from wherever the author pointed; the column shows their text only.
      return escapeHtml(token.text);
    },
  },
});

/** Renders a showcase entry's Markdown to HTML without raw HTML, images or unsafe links. */
export function renderMarkdown(source: string): string {
  return marked.parse(source) as string;
}

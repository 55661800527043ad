import { describe, expect, it } from 'vitest';
import { isSafeUrl, renderMarkdown } from '../../src/ingest/markdown.ts';

/** The href values of the links an HTML fragment would give a browser (entities decoded). */
const hrefs = (html: string) => [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"'));

describe('showcase Markdown', () => {
  it('shows raw HTML blocks and inline tags as text', () => {
    expect(renderMarkdown('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(renderMarkdown('<iframe src="https://evil.example"></iframe>')).not.toContain('<iframe');
    expect(renderMarkdown('text <b onmouseover=alert(1)>x</b>')).toBe('<p>text &lt;b onmouseover=alert(1)&gt;x&lt;/b&gt;</p>\n');
    expect(renderMarkdown('```\n</script><script>alert(2)</script>\n```')).not.toMatch(/<\/?script/);
  });

  it('drops javascript:, data: and vbscript: links in every spelling, keeping their text', () => {
    const html = renderMarkdown(
      '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c]( javascript:alert(1) ) [d](data:text/html,x) [e](vbscript:x) <javascript:alert(1)>\n\n[f][r]\n\n[r]: javascript:alert(1)',
    );
    expect(hrefs(html)).toEqual([]);
    for (const text of ['a', 'b', 'c', 'd', 'e', 'f']) expect(html).toContain(` ${text}`.trimStart());
  });

  it('never gives the browser a scheme it would run, even through entities or control characters', () => {
    const html = renderMarkdown('[d](&#106;avascript:alert(1)) [x](&#x6A;avascript&#58;alert(1)) [t](java\tscript:alert(1))');
    for (const href of hrefs(html)) expect(href.replace(/[\s\u0000-\u001f]/g, '').toLowerCase()).not.toMatch(/^(javascript|vbscript|data):/);
  });

  it('shows images as their alt text, so nothing loads from elsewhere', () => {
    expect(renderMarkdown('![图 <b>](https://tracker.example/p.png "t")')).toBe('<p>图 &lt;b&gt;</p>\n');
  });

  it('keeps web, mail and same-site links, escaped and marked nofollow', () => {
    const html = renderMarkdown('[ok](https://example.org/a?b=1&c=2 "ti\\"tle") [rel](/methodology/) [mail](mailto:a@example.org) [q](https://example.org/"onmouseover="alert(1))');
    expect(hrefs(html)).toEqual(['https://example.org/a?b=1&c=2', '/methodology/', 'mailto:a@example.org', 'https://example.org/"onmouseover="alert(1)']);
    expect(html).not.toMatch(/\sonmouseover=/);
    expect(html.match(/rel="nofollow noopener"/g)).toHaveLength(4);
  });

  it('isSafeUrl accepts web, mail and relative URLs only', () => {
    for (const u of ['https://a.example', 'HTTP://a.example', 'mailto:x@a.example', '/p/', '#top', '?q=1', './x', 'page/']) expect(isSafeUrl(u), u).toBe(true);
    for (const u of ['javascript:alert(1)', ' JavaScript:x', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', 'ftp://a.example']) expect(isSafeUrl(u), u).toBe(false);
  });
});

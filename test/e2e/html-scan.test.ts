import { describe, expect, it } from 'vitest';
import { decodeEntities, extractUrls, findForeignResources, findLiveMarkup, scanHtml } from './helpers/html-scan.ts';

describe('the markup scanner used on built files', () => {
  it('finds payloads that became markup', () => {
    expect(findLiveMarkup('<p><script>alert(1)</script></p>')).toHaveLength(1);
    expect(findLiveMarkup('<script type="application/json">{"a":"</script><script>alert(2)</script>"}</script>')).toHaveLength(1);
    expect(findLiveMarkup('<p>"><img src=x onerror=alert(3)></p>')).toHaveLength(1);
    expect(findLiveMarkup('<svg onload=alert(4)>')).toHaveLength(1);
    expect(findLiveMarkup('<a href="  java&#x09;script:alert(6)">x</a>')).toHaveLength(1);
    expect(findLiveMarkup('<a href=JAVASCRIPT&colon;alert(6)>x</a>')).toHaveLength(1);
    expect(findLiveMarkup('<iframe src="https://a.example"></iframe>')).toHaveLength(1);
    expect(findLiveMarkup('<a href="data:text/html,x">x</a>')).toHaveLength(1);
  });

  it('leaves escaped text, attribute values, comments and data scripts alone', () => {
    const safe = [
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
      '<meta content="</script><script>alert(2)</script>"><meta content=\'"><img src=x onerror=alert(3)>\'>',
      '<span title="<svg onload=alert(4)>">&lt;iframe src=javascript:alert(12)&gt;甲</span>',
      '<!-- <script>alert(1)</script> -->',
      '<title>&lt;script&gt;alert(1)</title><textarea><script>alert(1)</script></textarea>',
      '<script type="application/json">{"name":"\\u003cscript>alert(1)\\u003c/script>"}</script>',
      '<a href="&amp;#106;avascript:alert(1)">x</a><img src="data:image/png;base64,AAAA">',
      `<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'%3E%3C/svg%3E">`,
    ];
    for (const html of safe) expect(findLiveMarkup(html), html).toEqual([]);
  });

  it('reads attributes as a browser does', () => {
    const { tags } = scanHtml('<a  HREF = "/x?a=1&amp;b=2" data-x=\'y\' hidden>t</a><img src=/i.png alt=>');
    expect(tags.map((t) => [t.name, t.attrs])).toEqual([
      ['a', [{ name: 'href', value: '/x?a=1&b=2' }, { name: 'data-x', value: 'y' }, { name: 'hidden', value: '' }]],
      ['img', [{ name: 'src', value: '/i.png' }, { name: 'alt', value: '' }]],
    ]);
    expect(decodeEntities('&#106;&#x61;&colon;&lt;&unknown;')).toBe('ja:<&unknown;');
    expect(extractUrls('<link href="/a.css"><img srcset="/a.png 1x, /b.png 2x"><a href="">e</a>').map((u) => u.url)).toEqual(['/a.css', '/a.png', '/b.png']);
  });

  it('finds resources fetched from another site, not links a reader may follow', () => {
    const html = [
      '<link rel="canonical" href="https://example.org/"><link rel="alternate" hreflang="en" href="https://example.org/en/">',
      '<a href="https://kjj.example.gov.cn/">source</a><link rel="stylesheet" href="/_astro/a.css"><img src="/x.png">',
      '<link rel="preconnect" href="https://fonts.example.com"><script src="//cdn.example.com/a.js"></script>',
      '<img srcset="/a.png 1x, https://t.example/b.png 2x"><div style="background:url(https://t.example/c.png)"></div>',
      '<style>@import "https://fonts.example.com/css";</style>',
    ].join('');
    expect(findForeignResources(html)).toHaveLength(5);
  });
});

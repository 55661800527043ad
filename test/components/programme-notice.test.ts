// The 公示期 of a programme list as rendered: dates, and its state as of the data's date.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import NoticeStatus from '../../src/components/programmes/NoticeStatus.astro';
import { noticeState } from '../../src/site/programmes.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
const period = { start: '2024-05-13', end: '2024-05-24' };

async function render(lang: 'zh' | 'en', asOf: string) {
  const notice = { ...period, state: noticeState(period, asOf), asOf };
  return container.renderToString(NoticeStatus, { props: { lang, notice } });
}

describe('公示期 display', () => {
  it('before: the dates and that the notice has not begun on the data’s date', async () => {
    const zh = await render('zh', '2024-05-01');
    expect(zh).toContain('data-notice-state="before"');
    expect(text(zh)).toContain('公示期 待公示');
    expect(text(zh)).toContain('公示期：2024年5月13日 至 2024年5月24日。 截至数据日期（2024年5月1日），公示尚未开始。');
    expect(text(await render('en', '2024-05-01'))).toContain('Public notice: 13 May 2024 to 24 May 2024. As of the data’s date (1 May 2024), the notice period has not begun.');
  });

  it('during (both ends included): on notice, objections possible', async () => {
    for (const asOf of ['2024-05-13', '2024-05-24']) {
      const zh = await render('zh', asOf);
      expect(zh).toContain('data-notice-state="during"');
      expect(text(zh)).toContain('公示中');
      expect(text(zh)).toContain('名单正在公示，公示期内可提出异议。');
    }
    expect(text(await render('en', '2024-05-20'))).toContain('On public notice');
  });

  it('after: ended', async () => {
    const en = await render('en', '2024-05-25');
    expect(en).toContain('data-notice-state="after"');
    expect(text(en)).toContain('Notice ended');
    expect(text(en)).toContain('The notice period has ended (as of the data’s date, 25 May 2024).');
  });
});

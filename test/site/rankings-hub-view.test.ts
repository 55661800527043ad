import { describe, expect, it } from 'vitest';
import { rankingsHubView, type RankingsHubSource } from '../../src/site/rankings-hub-view.ts';
import type { RankingExplorerProps } from '../../src/components/islands/explorer-types.ts';
import type { Park } from '../../src/ingest/dataset.ts';
import { publishedRow, smallModel } from './fixture.ts';

const park = (code: string, nameEn: string): Park => ({ code, name: `${code}园`, nameEn }) as Park;
// 2023 in rank order; the hub's first page (page size 2) holds R1 and R2.
const rows = [
  publishedRow({ id: 'R1', park: 'p2', stage: 'mature', industry: '生物医药', tags: [], rankNational: 1 }),
  publishedRow({ id: 'R2', park: 'p1', stage: 'startup', industry: '新材料', tags: ['高新技术企业', '上市企业'], rankNational: 2 }),
  publishedRow({ id: 'R3', park: 'p1', stage: 'startup', industry: '新材料', rankNational: 3 }),
];
const industries: Record<number, { name: string }[]> = {
  2021: [{ name: '新一代信息技术' }, { name: '新材料' }],
  2022: [{ name: '' }, { name: '生物医药' }],
  2023: [{ name: '新材料' }, { name: '生物医药' }],
};
const source: RankingsHubSource = {
  model: smallModel,
  parks: [park('p1', 'Park One'), park('p2', '')],
  years: [2021, 2022, 2023],
  latestYear: 2023,
  pageSize: 2,
  rowsForYear: (year) => (year === 2023 ? rows : []),
  industriesOf: (year) => industries[year] ?? [],
  stageName: (lang, id) => `${lang}:${id}`,
};

describe('rankingsHubView', () => {
  const view = rankingsHubView('en', source);
  const { explorer } = view;

  it('gives the latest year and the earlier ones newest first', () => {
    expect([view.year, view.yearText, view.earlier]).toEqual([2023, '2023', [2022, 2021]]);
  });

  it('starts the island on the latest year’s first page, encoded against every park, stage and designation', () => {
    expect([explorer.lang, explorer.years, explorer.initialYear, explorer.total, explorer.pageSize, explorer.anchor]).toEqual(['en', [2021, 2022, 2023], 2023, 3, 2, 'explorer']);
    const { initial } = explorer;
    expect([initial.year, initial.id, initial.parks, initial.park, initial.stages, initial.stage]).toEqual([2023, ['R1', 'R2'], ['p1', 'p2'], [1, 0], ['startup', 'mature'], [1, 0]]);
    // Industries in order of first appearance; 高新技术企业 is designation 0, 上市企业 designation 4: 1 + 16.
    expect([initial.industries, initial.industry, initial.tags]).toEqual([['生物医药', '新材料'], [0, 1], [0, 17]]);
  });

  it('names the pieces’ URLs, the profile and each year’s static list', () => {
    expect(explorer.urls.meta).toBe('/rankings-data/{year}/meta.json');
    expect(explorer.urls.shard).toBe('/search/{year}/{n}.json');
    expect(explorer.profileUrl).toBe('/en/enterprise/{id}/');
    expect(explorer.listUrls).toEqual({ 2021: '/en/rankings/2021/', 2022: '/en/rankings/2022/', 2023: '/en/rankings/2023/' });
  });

  it('lists parks and stages in their order, and every year’s industries, the latest year’s first', () => {
    // A park without an English name keeps its Chinese one.
    expect(explorer.parkOptions).toEqual([
      ['p1', 'Park One'],
      ['p2', 'p2园'],
    ]);
    expect(explorer.stageOptions).toEqual([
      ['startup', 'en:startup'],
      ['mature', 'en:mature'],
    ]);
    expect(explorer.industryOptions).toEqual([
      ['新材料', 'New materials'],
      ['生物医药', 'Biomedicine'],
      ['', 'Unclassified'],
      ['新一代信息技术', 'New-generation information technology'],
    ]);
  });

  it('offers designations and their CSV column only when the model publishes them', () => {
    expect(explorer.tagOptions[0]).toEqual(['高新技术企业', 'High-tech enterprise']);
    expect(explorer.tagOptions).toHaveLength(5);
    expect(explorer.labels.csvHeadings.tags).toBe('Designations');
    const closed = rankingsHubView('en', { ...source, model: { ...smallModel, privacy: { ...smallModel.privacy, public_tags: false } } }).explorer;
    expect(closed.tagOptions).toEqual([]);
    expect('tags' in closed.labels.csvHeadings).toBe(false);
    expect(Object.keys(explorer.labels.csvHeadings)).toEqual(['rank', 'id', 'name', 'nameEn', 'park', 'stage', 'industry', 'tags', 'score', 'rankChange', 'scoreChange']);
  });

  it('leaves the island’s placeholders for it to fill', () => {
    expect(explorer.labels.count).toBe('{n} enterprises match');
    expect(explorer.labels.page).toBe('Page {n}');
    expect(explorer.labels.changes.rankUp).toBe('up {n} places');
  });

  it('gives the island exactly the props it declares', () => {
    // A compile-time check (tsc): the view's explorer is the island's props.
    const props: RankingExplorerProps = explorer;
    expect(props.labels.score).toBe('Score');
  });
});

// The Chinese feed of programme changes: /programmes/rss.xml (English: en/programmes/[feed].xml.ts).
// A route with a parameter so that only the process that builds the lists builds it (shard.ts).
import type { APIRoute } from 'astro';
import { feedResponse } from '../../components/showcase/feed.ts';
import { programmesFeed } from '../../components/programmes/feed.ts';
import { programmes } from '../../site/programme-pages.ts';
import { sharedPaths } from '../../site/shard.ts';

// No feed when the data folder declares no programmes.
export const getStaticPaths = () => sharedPaths(() => (programmes.length ? [{ params: { feed: 'rss' } }] : []));
export const GET: APIRoute = ({ site }) => feedResponse(programmesFeed('zh', site));

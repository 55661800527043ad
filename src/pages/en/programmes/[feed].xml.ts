// The English feed of programme changes: /en/programmes/rss.xml (see programmes/[feed].xml.ts).
import type { APIRoute } from 'astro';
import { feedResponse } from '../../../components/showcase/feed.ts';
import { programmesFeed } from '../../../components/programmes/feed.ts';
import { programmes } from '../../../site/programme-pages.ts';
import { sharedPaths } from '../../../site/shard.ts';

// No feed when the data folder declares no programmes.
export const getStaticPaths = () => sharedPaths(() => (programmes.length ? [{ params: { feed: 'rss' } }] : []));
export const GET: APIRoute = ({ site }) => feedResponse(programmesFeed('en', site));

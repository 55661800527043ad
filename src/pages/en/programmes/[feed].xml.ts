// The English feed of programme changes: /en/programmes/rss.xml (see programmes/[feed].xml.ts).
import type { APIRoute } from 'astro';
import { feedResponse } from '../../../components/showcase/feed.ts';
import { programmesFeed } from '../../../components/programmes/feed.ts';
import { sharedPaths } from '../../../site/shard.ts';

export const getStaticPaths = () => sharedPaths(() => [{ params: { feed: 'rss' } }]);
export const GET: APIRoute = ({ site }) => feedResponse(programmesFeed('en', site));

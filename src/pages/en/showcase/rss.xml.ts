// The English RSS feed of the showcase column: /en/showcase/rss.xml. A fixed file beside the
// [...lang] pages: static routes take priority, and no [...lang] page emits this path.
import type { APIRoute } from 'astro';
import { feedResponse, showcaseFeed } from '../../../components/showcase/feed.ts';

export const GET: APIRoute = ({ site }) => feedResponse(showcaseFeed('en', site));

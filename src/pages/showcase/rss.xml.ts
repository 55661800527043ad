// The Chinese RSS feed of the showcase column: /showcase/rss.xml (the English one is en/showcase/rss.xml.ts).
import type { APIRoute } from 'astro';
import { feedResponse, showcaseFeed } from '../../components/showcase/feed.ts';

export const GET: APIRoute = ({ site }) => feedResponse(showcaseFeed('zh', site));

/** Previous and next page of the explorer's list, with "page n of m" when the count is known. */
import type { ReactNode } from 'react';
import { fillTemplate, formatFixed } from '../../wire/ranking-data.ts';
import type { ExplorerLabels } from './explorer-types.ts';

export interface ExplorerPaginationProps {
  labels: ExplorerLabels;
  page: number;
  /** The number of pages, when known. */
  pages: number | null;
  hasNext: boolean;
  onPage: (page: number) => void;
}

export default function ExplorerPagination(props: ExplorerPaginationProps): ReactNode {
  const { labels, page, pages } = props;
  const n = (x: number) => formatFixed(x, 0);
  return (
    <nav className="pagination explorer-pagination" aria-label={labels.pagination}>
      <p className="pagination-status">
        {pages !== null ? fillTemplate(labels.pageStatus, { n: n(page), total: n(pages) }) : fillTemplate(labels.page, { n: n(page) })}
      </p>
      <ul>
        <li>
          <button type="button" disabled={page <= 1} onClick={() => props.onPage(page - 1)}>
            {labels.previous}
          </button>
        </li>
        <li>
          <button type="button" disabled={!props.hasNext} onClick={() => props.onPage(page + 1)}>
            {labels.next}
          </button>
        </li>
      </ul>
    </nav>
  );
}

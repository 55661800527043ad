/**
 * The explorer's filter form: search box, year, park, stage, industry, designation and reset.
 * Hidden until the island hydrates (the server-rendered page has no working controls).
 */
import { memo, useRef, type ReactNode } from 'react';
import type { FilterKeys } from '../../wire/ranking-data.ts';
import type { ExplorerLabels } from './explorer-types.ts';

/** The filters chosen from a list (the query is typed). */
export type FilterField = Exclude<keyof FilterKeys, 'query'>;

/**
 * A labelled <select> over [key, label] options for one filter; '' is "all". Rendered again
 * only when its value changes: a national list has 178 parks, and typing in the search box
 * re-renders the explorer on every input event, on slow phones too.
 */
const Select = memo(function Select(props: {
  id: string;
  label: string;
  all: string;
  options: [string, string][];
  field: FilterField;
  value: string | null;
  onChange: (field: FilterField, value: string | null) => void;
}): ReactNode {
  const { id, label, all, options, field, value, onChange } = props;
  const index = value === null ? '' : String(options.findIndex(([k]) => k === value));
  return (
    <div className="explorer-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={index} onChange={(e) => onChange(field, e.target.value === '' ? null : (options[Number(e.target.value)]?.[0] ?? null))}>
        <option value="">{all}</option>
        {options.map(([key, text], i) => (
          <option key={key} value={String(i)}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
});

export interface ExplorerFiltersProps {
  labels: ExplorerLabels;
  hidden: boolean;
  /** Evaluation years, ascending; the year control shows only when there are several. */
  years: number[];
  year: number;
  keys: FilterKeys;
  /** The search box's text. */
  typed: string;
  parkOptions: [string, string][];
  stageOptions: [string, string][];
  industryOptions: [string, string][];
  tagOptions: [string, string][];
  /** The box's text changed (shown at once). */
  onType: (text: string) => void;
  /** The query to search for: each edit, except while an input method is composing, then its result. */
  onSearch: (query: string) => void;
  onSearchFocus: () => void;
  onYear: (year: number) => void;
  /** Must be stable across renders, or every select renders again on each keystroke. */
  onFilter: (field: FilterField, value: string | null) => void;
  onReset: () => void;
}

export default function ExplorerFilters(props: ExplorerFiltersProps): ReactNode {
  const { labels, keys, onFilter } = props;
  const composing = useRef(false);
  return (
    <fieldset className="explorer-controls" hidden={props.hidden}>
      <legend className="visually-hidden">{labels.controls}</legend>
      <div className="explorer-field explorer-search">
        <label htmlFor="explorer-query">{labels.search}</label>
        <input
          id="explorer-query"
          type="search"
          value={props.typed}
          aria-describedby="explorer-query-hint"
          onFocus={props.onSearchFocus}
          onChange={(e) => {
            props.onType(e.target.value);
            if (!composing.current) props.onSearch(e.target.value);
          }}
          onCompositionStart={() => {
            composing.current = true;
          }}
          onCompositionEnd={(e) => {
            composing.current = false;
            props.onSearch(e.currentTarget.value);
          }}
        />
        <span id="explorer-query-hint" className="explorer-hint">
          {labels.searchHint}
        </span>
      </div>
      {props.years.length > 1 && (
        <div className="explorer-field">
          <label htmlFor="explorer-year">{labels.year}</label>
          <select id="explorer-year" value={String(props.year)} onChange={(e) => props.onYear(Number(e.target.value))}>
            {[...props.years].reverse().map((yy) => (
              <option key={yy} value={String(yy)}>
                {yy}
              </option>
            ))}
          </select>
        </div>
      )}
      <Select id="explorer-park" label={labels.park} all={labels.parkAll} options={props.parkOptions} field="park" value={keys.park} onChange={onFilter} />
      <Select id="explorer-stage" label={labels.stage} all={labels.stageAll} options={props.stageOptions} field="stage" value={keys.stage} onChange={onFilter} />
      <Select
        id="explorer-industry"
        label={labels.industry}
        all={labels.industryAll}
        options={props.industryOptions}
        field="industry"
        value={keys.industry}
        onChange={onFilter}
      />
      {props.tagOptions.length > 0 && (
        <Select id="explorer-tag" label={labels.tag} all={labels.tagAll} options={props.tagOptions} field="tag" value={keys.tag} onChange={onFilter} />
      )}
      <div className="explorer-field explorer-reset">
        <button type="button" onClick={props.onReset}>
          {labels.reset}
        </button>
      </div>
    </fieldset>
  );
}

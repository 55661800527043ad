/** The compare page island's props and the types its parts share (CompareView.tsx). */
import type { CompareFirm } from '../../wire/compare-data.ts';

export interface CompareLabels {
  loading: string;
  error: string;
  none: string;
  notFound: string;
  remove: string;
  add: string;
  addHint: string;
  addButton: string;
  full: string;
  copyHint: string;
  firm: string;
  park: string;
  stage: string;
  latestYear: string;
  scoreByYear: string;
  rankByYear: string;
  rankParkByYear: string;
  rankStageByYear: string;
  publicIndicators: string;
  bands: string;
  year: string;
  notScored: string;
  pointsOf: string;
  category: string;
  indicator: string;
  /** Band text by code ('0' … '4'). */
  band: Record<string, string>;
}

export interface CompareViewProps {
  lang: 'zh' | 'en';
  labels: CompareLabels;
  /** The data files' URL with {n}, and their number. */
  dataUrl: string;
  files: number;
  /** A profile's URL with {id}. */
  profileUrl: string;
  years: number[];
  parks: Record<string, string>;
  stages: Record<string, string>;
  categories: { name: string }[];
  indicators: { name: string; public: boolean; unit: string }[];
}

export type Loaded = { state: 'loading' } | { state: 'error' } | { state: 'ready'; firms: Map<string, CompareFirm | null> };

/** A firm shown, with its credit code. */
export interface ShownFirm {
  id: string;
  firm: CompareFirm;
}

/** Formats a number with `digits` decimals (none unless given). */
export type FormatNumber = (n: number, digits?: number) => string;

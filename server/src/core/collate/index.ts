// Collation with a second witness (docs/collation.md).
export * from './tokens';
export * from './similarity';
export * from './align';
export * from './variants';
export * from './witness';
export * from './collation';
export * from './describe';
export * from './marks';
export * from './checks';
export * from './gap';
export * from './insertion-checks';
export * from './variant-problems';
export * from './refine';
export * from './hover';
export * from './apparatus';
export * from './header-edit';
export {
  collationBlocks,
  collationHtml,
  COLLATION_CSS,
  COLLATION_FILTERS,
  FILTER_LABELS,
  filterCss,
  type CollationFilter,
  type CollationSource,
} from './view';
export * from './paratext';
export * from './review';
export * from './uncertain';
export * from './suggestion-text';

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
export * from './hover';
export * from './apparatus';
export * from './header-edit';
export { collationBlocks, collationHtml, COLLATION_CSS, type CollationSource } from './view';

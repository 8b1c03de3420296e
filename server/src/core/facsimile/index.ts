// The facsimile: page layouts (PAGE XML, ALTO), their fit to the page images, and the words' links (docs/facsimile.md).
export * from './layout';
export * from './geometry';
export * from './fold';
export * from './read-layout';
export * from './fit';
export * from './link';
export { LayoutError } from './page-xml';
export * from './image-info';
export * from './facsimile';
export * from './page-write';
export * from './draw';

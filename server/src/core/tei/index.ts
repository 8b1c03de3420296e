// TEI P5 export and import (docs/tei.md).
export { exportTei, TEI_NS, type TeiExport } from './export';
export { HEADER_DEFAULTS } from './header-map';
export { importTei, MAX_TEI_CHARS, type TeiImportResult, type TeiImportOptions } from './import';
export { decodeXmlBytes, type DecodeResult } from './decode';
export {
  teiOptions,
  parseTeiOptionList,
  DEFAULT_TEI_OPTIONS,
  TEI_OPTION_HELP,
  type TeiExportOptions,
  type HandEncoding,
} from './options';

// What `activate` returns: VS Code's Markdown preview calls `extendMarkdownIt` on extensions that contribute
// `markdown.markdownItPlugins`, so `^{…}` insertions in Markdown files render through the Emend core.
import { emendMarkdownIt, type MarkdownItLike } from '../../../server/src/core/render/markdown-it';

export interface EmendApi {
  extendMarkdownIt<T extends MarkdownItLike>(md: T): T;
}

export const markdownApi: EmendApi = {
  extendMarkdownIt: (md) => emendMarkdownIt(md),
};

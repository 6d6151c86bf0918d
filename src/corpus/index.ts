/** The corpus module: reading article files and splitting them into sentences. */
export { CorpusFileError } from './corpusFileError.js';
export { parseFrontMatter, type FrontMatterResult } from './frontMatter.js';
export { loadCorpus, parseArticle, type ArticleInput } from './loadCorpus.js';
export { parseMetaYaml, type MetaFields } from './metaYaml.js';
export { splitSentences, type SplitResult } from './splitSentences.js';
export type { Article, ArticleMeta, Corpus, CorpusError, Sentence } from './types.js';

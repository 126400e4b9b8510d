export { DEFAULT_OCR_LANGUAGES, OCR_LANGUAGES, ensureModels, isOcrLanguage, parseOcrLanguages, type OcrLanguage } from './languages';
export { OcrPool, defaultWorkerCount, type OcrPoolOptions, type PageSegMode, type RecognizeOptions } from './pool';
export type { BBox, OcrLine, OcrResult, OcrWord, Rotation } from './types';

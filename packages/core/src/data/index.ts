/**
 * Datasets on disk → labelled, split, decoded pixels ready for a base model.
 */
export { scanDataset, type ScanOptions } from "./scan";
export {
  listDataset,
  hasImageExtension,
  IMAGE_EXTENSIONS,
  compareStrings,
  type DatasetListing,
  type ListedImage,
  type ListDatasetOptions,
} from "./listing";
export { splitDataset, type SplitOptions } from "./split";
export { decodeImage, decodeImageBytes, probeImage, openImage, openImageBytes, type ProbeResult } from "./image";
export { decodeBatches, type DecodeBatchesOptions, type DecodedBatch } from "./batches";
export { preprocess, preprocessingRange, PREPROCESSING_KINDS, CAFFE_BGR_MEAN, type Preprocessing } from "./preprocess";
export { readManifest, normalizeRelativePath, type ManifestOptions } from "./manifest";
export { parseCsv } from "./csv";
export { decodeBmp, encodeBmp, isBmp, type RgbImage } from "./bmp";
export { mapConcurrent } from "./pool";

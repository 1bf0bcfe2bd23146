/** ONNX export of folded feature graphs and ONNX Runtime as an engine for the frozen base. */
export { ProtoWriter } from "./protobuf";
export { encodeModel, ONNX_IR_VERSION, ONNX_OPSET, type OnnxModel, type OnnxGraph, type OnnxNode, type OnnxTensor } from "./model";
export {
  buildOnnxModel,
  exportFoldedGraph,
  exportFoldedGraphWithInfo,
  tfPadding,
  OnnxExportError,
  ONNX_EXPORTER_VERSION,
  type OnnxExport,
  type OnnxExportOptions,
} from "./export";
export { cachedOnnxModel, onnxModelKey, OnnxModelCache, type CachedOnnxModel, type OnnxKeyParts } from "./cache";
export { loadOnnxRuntime, cudaProviderInstalled, onnxRuntimePackageDir, type OrtLoad } from "./runtime";
export {
  createOnnxFeatureExtractor,
  tryCreateOnnxFeatureExtractor,
  OnnxRuntimeUnavailableError,
  type OnnxEngine,
  type OnnxFeatureExtractor,
  type OnnxFeatureExtractorOptions,
} from "./session";

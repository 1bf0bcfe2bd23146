/** Backend selection and the wasm gradient kernels it installs. */
export { selectBackend, currentBackend, BACKEND_NAMES, type BackendName } from "./select";
export { registerWasmGradientKernels, WASM_GRADIENT_KERNELS } from "./wasm-grad-kernels";
export { FrozenEngine, frozenRequest, type FrozenCompute, type FrozenRequest } from "./frozen-engine";
export { isOnnxRuntimeRequest, ONNXRUNTIME_ALIASES } from "../contract/engines";

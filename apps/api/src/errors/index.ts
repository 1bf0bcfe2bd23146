export * from "./codes";
export { createFormatError, describeValidationErrors, formatError, type FormatErrorOptions } from "./format";
export { describeStorageFailure, STORAGE_UNAVAILABLE, type StorageFailure, storageFailureOf } from "./storage";
export { storageStatusPlugin } from "./storage-status";

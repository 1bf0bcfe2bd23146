export * from "./codes";
export { describeValidationErrors, formatError } from "./format";

export * from "./access";
export * from "./token";

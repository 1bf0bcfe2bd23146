import base from "@graft/eslint-config";

export default base;

/** True when `<webDir>/.next/BUILD_ID` is missing or older than a source file. */
export function webBuildIsStale(webDir: string): boolean;

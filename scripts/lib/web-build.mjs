// Whether the dashboard's production build (apps/web/.next) is older than its sources: a `git pull`
// rewrites the files it changes, so their mtimes pass the build's and `npm start` rebuilds, instead of
// serving yesterday's dashboard against today's API. Shared by `npm start` and the browser tests.
import fs from "node:fs";
import path from "node:path";

/** The folders and files `next build` reads, relative to the web app's folder. */
const SOURCE_DIRS = ["app", "components", "lib", "gql"];
const SOURCE_FILES = ["next.config.ts", "package.json", "tsconfig.json"];

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * True when `<webDir>/.next/BUILD_ID` is missing or older than a source file.
 * @param {string} webDir
 * @returns {boolean}
 */
export function webBuildIsStale(webDir) {
  const buildId = path.join(webDir, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  const dirs = SOURCE_DIRS.map((d) => path.join(webDir, d)).filter((d) => fs.existsSync(d));
  const files = SOURCE_FILES.map((f) => path.join(webDir, f)).filter((f) => fs.existsSync(f));
  return Math.max(...dirs.map(newestMtime), ...files.map((f) => fs.statSync(f).mtimeMs)) > built;
}

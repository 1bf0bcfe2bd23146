import type { NextConfig } from "next";

/**
 * Next config. The API URL and token are read at request time by the route handlers
 * (never baked into the bundle), so nothing environment-specific lives here.
 */
const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The run page runs checkpoints in the browser with core's Grad-CAM and preprocessing
  // (@graft/core/explain: TF.js only), shipped as TypeScript source like every workspace package.
  transpilePackages: ["@graft/core"],
  // The build runs `tsc` separately (npm run typecheck); eslint is run by the lint task.
  eslint: { ignoreDuringBuilds: true },
  typescript: { ignoreBuildErrors: false },
};

export default config;

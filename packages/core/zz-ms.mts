import path from "node:path";
import { train } from "./src/train/train";
import { defaultTrainConfig } from "./src/train/config";
const dir = "/tmp/graft-bench-moonshot-10000";
const groupBy = { manifest: path.join(dir, "manifest.csv"), column: "leaf_group" };
for (let k = 0; k < 4; k++) {
  const config = defaultTrainConfig({ baseModel: "mobilenet_v1_0.25_224", headUnits: [128], learningRate: 1e-3, dropout: 0.3, epochs: 5, batchSize: 64 });
  const t0 = performance.now();
  await train({ dataDir: dir, config, groupBy, modelsDir: "/work/shared/models", cacheDir: "/tmp/ms/cache" });
  console.log(k, ((performance.now() - t0) / 1000).toFixed(2), "at", (performance.now() / 1000).toFixed(1));
}

/**
 * The texts that travel with a downloaded model: `card.md` (what the model is, what it learnt
 * from and how well it does, per class) and `README.md` (how to load it with TF.js). Plain
 * functions of the stored facts, so tests read them without a server.
 */
import { HYPERPARAMETER_ENTRIES, formatHyperparameter, fromWire } from "@graft/core/contract";
import { type Checkpoint, type Dataset, type Evaluation, type Run } from "@graft/schema/graphql";

/** What `preprocessing.json` says, as far as the texts use it. */
export interface PreprocessingFacts {
  inputSize?: [number, number];
  formula?: string;
  scaling?: string;
}

/** The TF.js expression of each scaling of preprocessing.json, applied to `x` (0..255 RGB). */
const SCALING_CODE: Record<string, string> = {
  mobilenet: "x.div(127.5).sub(1)",
  unit: "x.div(255)",
  caffe: "tf.reverse(x, -1).sub([103.939, 116.779, 123.68])",
  none: "x",
};

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** The model card: base and weights, hyperparameters, dataset and its hash, metrics, per-class table. */
export function modelCard(facts: {
  run: Run;
  dataset: Dataset | null;
  checkpoint: Checkpoint;
  evaluation: Evaluation | null;
  preprocessing: PreprocessingFacts;
}): string {
  const { run, dataset, checkpoint, evaluation, preprocessing } = facts;
  const hp = run.hyperparameters;
  const lines = [
    `# Model card: ${run.name}`,
    "",
    `Trained by Graft (run \`${run.id}\`), a ${hp.baseModel} ImageNet base with a new classification head.`,
    "",
    "## Model",
    "",
    `- Base: ${hp.baseModel}${hp.baseWeights ? ` with weights ${hp.baseWeights} (sha256 ${hp.baseWeightsSha256})` : " with its published ImageNet weights"}`,
    `- Weights of this model (weights.bin) sha256: \`${checkpoint.weightsSha256}\``,
    `- Delivered epoch: ${run.bestEpoch ?? "the last (no epoch had a finite validation loss)"} (lowest validation loss)`,
    `- Input: ${preprocessing.inputSize?.join("×") ?? "see preprocessing.json"} RGB, ${preprocessing.formula ?? "see preprocessing.json"}`,
    "",
    "## Hyperparameters",
    "",
    "| Parameter | Value |",
    "| --- | --- |",
    ...HYPERPARAMETER_ENTRIES.map(([name, spec]) => {
      const wire = (hp as unknown as Record<string, unknown>)[name];
      return `| ${cell(spec.label)} | ${cell(formatHyperparameter(name, wire === null || wire === undefined ? wire : fromWire(name, wire)))} |`;
    }),
    "",
    "## Data",
    "",
    `- Dataset: ${dataset ? `${dataset.name} (${dataset.classes.length} classes, ${dataset.imageCount} images)` : `id ${run.datasetId} (no longer registered)`}`,
    `- Dataset sha256 (every image's path and content, as the agent read them): ${checkpoint.datasetSha256 ? `\`${checkpoint.datasetSha256}\`` : "not recorded"}`,
    "",
    "## Validation metrics",
    "",
  ];
  if (!evaluation) {
    lines.push("Not evaluated (the run has no evaluation).");
  } else {
    lines.push(
      `Accuracy ${pct(evaluation.accuracy)}, macro F1 ${evaluation.macroF1.toFixed(3)}, weighted F1 ${evaluation.weightedF1.toFixed(3)}, on ${evaluation.perClass.reduce((n, c) => n + c.support, 0)} validation images.`,
      "",
      "| Class | Precision | Recall | F1 | Images |",
      "| --- | --- | --- | --- | --- |",
      ...evaluation.perClass.map(
        (c) => `| ${cell(c.label)} | ${c.precision.toFixed(3)} | ${c.recall.toFixed(3)} | ${c.f1.toFixed(3)} | ${c.support} |`,
      ),
    );
  }
  return `${lines.join("\n")}\n`;
}

/** The README: what the files are and the JavaScript that loads the model and classifies an image. */
export function modelReadme(runName: string, labels: readonly string[], preprocessing: PreprocessingFacts): string {
  const [h, w] = preprocessing.inputSize ?? [224, 224];
  const scale = SCALING_CODE[preprocessing.scaling ?? "mobilenet"] ?? SCALING_CODE["mobilenet"];
  return `# ${runName}

A TF.js LayersModel trained by Graft: \`model.json\` + \`weights.bin\`, the class names in output
order in \`labels.json\` (${labels.length} classes), how to prepare pixels in \`preprocessing.json\`,
and its model card in \`card.md\`.

Classify an image (browser, or Node with @tensorflow/tfjs-node and \`tf.node.decodeImage\`):

\`\`\`js
import * as tf from "@tensorflow/tfjs";

const model = await tf.loadLayersModel("./model.json"); // or "file://…/model.json" with tfjs-node
const labels = await (await fetch("./labels.json")).json();
const img = document.querySelector("img"); // any HTMLImageElement, canvas or ImageData
const probabilities = tf.tidy(() => {
  const x = tf.image.resizeBilinear(tf.browser.fromPixels(img).toFloat(), [${h}, ${w}]);
  return model.predict(${scale}.expandDims(0)).dataSync();
});
const top = [...probabilities].map((p, i) => ({ label: labels[i], p })).sort((a, b) => b.p - a.p);
console.log(top.slice(0, 3));
\`\`\`

Training stretched each whole photo to ${h}×${w} (no crop) with an antialiased bilinear filter,
after applying its EXIF orientation; \`resizeBilinear\` without antialiasing is close but not
identical for large photos.
`;
}

/**
 * What the browser needs to run a Graft checkpoint: Grad-CAM and the training preprocessing.
 * TF.js and nothing from Node, so the dashboard can bundle it (`@graft/core/explain`).
 */
export { camModel, gradCam, heatmapPeak, type CamModel, type GradCam } from "./grad-cam";
export { preprocess, preprocessingRange, type Preprocessing } from "../data/preprocess";

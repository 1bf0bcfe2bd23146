/**
 * Terminal progress for training: which run, which phase/epoch, images per second and ETA. On a TTY
 * it redraws one status line in place (`\r`) during feature extraction and prints a line per epoch;
 * elsewhere (logs, CI, agent processes under a supervisor) it writes plain lines only, throttled, so
 * log files stay readable.
 */
import type { EpochRecord } from "@graft/core/types";
import { formatDuration } from "./format";

/** Where and how progress is written. */
export interface ProgressOptions {
  stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Prefix naming the run (`run 12`, `train`). */
  label: string;
  /** Planned epochs in total (head + fine-tune), for the ETA. */
  plannedEpochs: number;
  /** Clock, injected in tests. */
  now?: () => number;
}

/** Progress reporter for one run. */
export class Progress {
  private readonly options: ProgressOptions;
  private readonly tty: boolean;
  private readonly now: () => number;
  private stageStart = new Map<string, number>();
  private lastPlainPercent = new Map<string, number>();
  private epochSeconds: number[] = [];
  private lineOpen = false;

  constructor(options: ProgressOptions) {
    this.options = options;
    this.tty = Boolean(options.stream.isTTY);
    this.now = options.now ?? Date.now;
  }

  /** Core's `onProgress`: a stage such as feature extraction with done/total. */
  stage(event: { stage: string; done: number; total: number }): void {
    const start = this.stageStart.get(event.stage) ?? this.now();
    this.stageStart.set(event.stage, start);
    const elapsed = (this.now() - start) / 1000;
    // Under 50 ms there is no meaningful rate (typically everything came from the feature cache).
    const rate = elapsed > 0.05 ? event.done / elapsed : Number.NaN;
    const eta = rate > 0 ? (event.total - event.done) / rate : Number.NaN;
    const fraction = event.total > 0 ? Math.min(1, event.done / event.total) : 1;
    const speed = Number.isFinite(rate) ? ` · ${rate.toFixed(0)} img/s · ETA ${formatDuration(eta)}` : "";
    const text = `${this.options.label} · ${event.stage} ${event.done}/${event.total}${speed}`;
    if (this.tty) {
      const width = 20;
      const filled = Math.round(fraction * width);
      this.options.stream.write(`\r\x1b[2K[${"#".repeat(filled)}${".".repeat(width - filled)}] ${text}`);
      this.lineOpen = true;
      if (event.done >= event.total) this.endLine();
      return;
    }
    // Plain output: a line at each quarter, not one per batch.
    const quarter = Math.floor(fraction * 4);
    if (quarter > (this.lastPlainPercent.get(event.stage) ?? -1) || event.done >= event.total) {
      this.lastPlainPercent.set(event.stage, quarter);
      this.options.stream.write(`${text}\n`);
    }
  }

  /** Core's `onEpoch`: one line per finished epoch with throughput and ETA for the rest of the run. */
  epoch(record: EpochRecord): void {
    this.epochSeconds.push(record.durationMs / 1000);
    const recent = this.epochSeconds.slice(-3);
    const perEpoch = recent.reduce((a, b) => a + b, 0) / recent.length;
    const left = Math.max(0, this.options.plannedEpochs - record.epoch);
    const val =
      record.valAccuracy === null ? "" : ` val_acc ${record.valAccuracy.toFixed(4)} val_loss ${record.valLoss?.toFixed(4) ?? "-"}`;
    const bar = this.tty ? `${this.bar(record.epoch)} ` : "";
    this.endLine();
    this.options.stream.write(
      `${bar}${this.options.label} · epoch ${record.epoch}/${this.options.plannedEpochs} ${record.phase} · loss ${record.loss.toFixed(4)} acc ${record.accuracy.toFixed(4)}${val} · ${record.imagesPerSec.toFixed(0)} img/s · ETA ${formatDuration(left * perEpoch)}\n`,
    );
  }

  /** A free-form line (run claimed, finished, ...). */
  note(text: string): void {
    this.endLine();
    this.options.stream.write(`${this.options.label} · ${text}\n`);
  }

  private bar(epoch: number): string {
    const width = 20;
    const filled = Math.round((Math.min(epoch, this.options.plannedEpochs) / Math.max(1, this.options.plannedEpochs)) * width);
    return `[${"#".repeat(filled)}${".".repeat(width - filled)}]`;
  }

  private endLine(): void {
    if (this.lineOpen) {
      this.options.stream.write("\n");
      this.lineOpen = false;
    }
  }
}

"use client";
/**
 * The one chart component: a ChartSpec + normalised runs → echarts, loaded on the client only
 * (dynamic import keeps echarts out of the server bundle and the first paint).
 */
import { useEffect, useMemo, useRef, useState } from "react";
import type { ECharts } from "echarts";
import { toEchartsOption, type ChartSpec } from "../lib/chart-spec";
import type { RunData } from "../lib/run-data";

/** Props of RunChart. */
export interface RunChartProps {
  spec: ChartSpec;
  runs: readonly RunData[];
  className?: string;
  /** Heatmap cell clicks: row = true label index, col = predicted label index. */
  onCellClick?: (row: number, col: number) => void;
  testId?: string;
}

/** Renders any ChartSpec with echarts; shows the spec error instead of throwing. */
export function RunChart({ spec, runs, className = "chart", onCellClick, testId }: RunChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const clickRef = useRef(onCellClick);
  clickRef.current = onCellClick;
  const [ready, setReady] = useState(false);
  const built = useMemo(() => {
    try {
      return { option: toEchartsOption(spec, runs), error: null };
    } catch (e) {
      return { option: null, error: (e as Error).message };
    }
  }, [spec, runs]);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void import("echarts").then((echarts) => {
      if (disposed || !ref.current) return;
      const c = echarts.init(ref.current, undefined, { renderer: "canvas" });
      chart.current = c;
      c.on("click", (p) => {
        const d = p.data as unknown;
        if (p.seriesType === "heatmap" && Array.isArray(d)) clickRef.current?.(d[1] as number, d[0] as number);
      });
      c.on("finished", () => ref.current?.setAttribute("data-drawn", "true"));
      observer = new ResizeObserver(() => c.resize());
      observer.observe(ref.current);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (ready && chart.current && built.option) chart.current.setOption(built.option, { notMerge: true, lazyUpdate: true });
  }, [ready, built]);

  if (built.error) return <div className="warn-box">Chart unavailable: {built.error}</div>;
  const series = built.option?.series;
  const list = Array.isArray(series) ? series : series ? [series] : [];
  // Series and data-point counts let browser tests see a chart change without reading its canvas.
  const points = list.reduce((n, s) => n + (Array.isArray((s as { data?: unknown }).data) ? (s as { data: unknown[] }).data.length : 0), 0);
  return <div ref={ref} className={className} data-testid={testId} data-chart={spec.type} data-series={list.length} data-points={points} />;
}

/**
 * A small ECharts host. Only the chart types and components used here (strategy and selection
 * pages) are registered, and this module is only reached through lazy imports, so pages without
 * charts never load ECharts.
 */
import { BarChart, LineChart, ScatterChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import { type EChartsCoreOption, type EChartsType, init, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

use([
  BarChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

/**
 * Renders `option`; the chart is an image named by `label`. Every chart on these pages also has its
 * numbers in a table, which is what assistive technology should read.
 */
export function EChart({ option, height = 300, label }: { option: EChartsCoreOption; height?: number; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const instance = init(el, undefined, { renderer: "svg" });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // People who ask for reduced motion get the chart drawn at once, without ECharts' transitions.
    const reduced = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
    chart.current?.setOption(reduced ? { ...option, animation: false } : option, true);
  }, [option]);

  return <div ref={host} role="img" aria-label={label} style={{ width: "100%", height }} />;
}

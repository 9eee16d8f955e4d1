/** Colours and columns of the benefits map, shared by the chart and its HTML legend (no ECharts here). */
import type { MapNodeKind } from "../../types.js";

export const MAP_LAYERS: MapNodeKind[] = ["enabler", "business_change", "benefit", "objective"];
export const MAP_COLORS: Record<MapNodeKind, string> = {
  enabler: "#e7f5ff",
  business_change: "#fff4e6",
  benefit: "#ebfbee",
  objective: "#f3f0ff",
};
export const MAP_BORDERS: Record<MapNodeKind, string> = {
  enabler: "#1864ab",
  business_change: "#a33a00",
  benefit: "#2b8a3e",
  objective: "#5f3dc4",
};
/** Dark enough on white (≥ 4.5:1) for the impacted border and legend. */
export const IMPACT_COLOR = "#c92a2a";

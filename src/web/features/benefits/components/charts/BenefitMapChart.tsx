import { GraphChart } from "echarts/charts";
import { use } from "echarts/core";
import { useMemo } from "react";
import { EChart } from "../../../strategy/components/EChart.js";
import { MAP_KIND_LABELS, TRACKING_STATUS } from "../../labels.js";
import type { BenefitMap, MapNode, TrackingStatus } from "../../types.js";
import { IMPACT_COLOR, MAP_BORDERS, MAP_COLORS, MAP_LAYERS } from "./map-style.js";

use([GraphChart]);

const NODE_W = 176;
const NODE_H = 46;
const COL_GAP = 90;
const ROW_GAP = 22;
/** The column headings sit this far above the first row's centre. */
const HEADING_Y = -(NODE_H / 2 + 22);
/**
 * Margins of the drawing: ECharts fits the nodes' centres into the box inside them, while the
 * boxes keep their size in pixels, so half a box (and the headings) must fit in the margins.
 */
const PAD = { left: NODE_W / 2 + 4, right: NODE_W / 2 + 4, top: 22, bottom: NODE_H / 2 + 6 };

function statusText(node: MapNode): string {
  if (!node.status) return "";
  if (node.kind === "benefit") return TRACKING_STATUS[node.status as TrackingStatus]?.label ?? node.status;
  return node.status.replace(/_/g, " ");
}

/** Positions: one column per layer, left to right; nodes in a column top to bottom by label. */
export function layoutMap(map: BenefitMap): { node: MapNode; x: number; y: number }[] {
  const out: { node: MapNode; x: number; y: number }[] = [];
  MAP_LAYERS.forEach((kind, col) => {
    const nodes = map.nodes.filter((n) => n.kind === kind).sort((a, b) => a.label.localeCompare(b.label));
    nodes.forEach((node, row) => {
      out.push({ node, x: col * (NODE_W + COL_GAP), y: row * (NODE_H + ROW_GAP) });
    });
  });
  return out;
}

/**
 * The benefits dependency network, layered left to right: enabling projects → business changes →
 * benefits → objectives. Nodes downstream of a troubled project carry a thick red border.
 */
export default function BenefitMapChart({ map }: { map: BenefitMap }) {
  const placed = useMemo(() => layoutMap(map), [map]);
  const rows = Math.max(1, ...MAP_LAYERS.map((k) => map.nodes.filter((n) => n.kind === k).length));
  // One pixel per unit vertically: the rows' spread, the headings and the margins.
  const height = (rows - 1) * (NODE_H + ROW_GAP) - HEADING_Y + PAD.top + PAD.bottom;
  const impacted = map.nodes.filter((n) => n.impacted).length;
  const option = useMemo(() => {
    const byId = new Map(map.nodes.map((n) => [n.id, n]));
    return {
      tooltip: {
        trigger: "item",
        confine: true,
        formatter: (p: { dataType: string; data: { id?: string; source?: string; target?: string } }) => {
          if (p.dataType === "edge") {
            const from = byId.get(p.data.source ?? "");
            const to = byId.get(p.data.target ?? "");
            return `${from?.label ?? ""} → ${to?.label ?? ""}`;
          }
          const n = byId.get(p.data.id ?? "");
          if (!n) return "";
          const lines = [`<strong>${n.label}</strong>`, MAP_KIND_LABELS[n.kind]];
          if (n.owner) lines.push(`Owner: ${n.owner.name}`);
          if (n.status) lines.push(`Status: ${statusText(n)}`);
          if (n.impacted) lines.push(`<span style="color:${IMPACT_COLOR}">Impacted: ${n.impactReason ?? ""}</span>`);
          return lines.join("<br/>");
        },
      },
      series: [
        {
          type: "graph",
          layout: "none",
          roam: false,
          ...PAD,
          edgeSymbol: ["none", "arrow"],
          edgeSymbolSize: 9,
          lineStyle: { color: "#868e96", width: 1.5, curveness: 0.08 },
          emphasis: { focus: "adjacency", lineStyle: { width: 3 } },
          label: {
            show: true,
            color: "#212529",
            fontSize: 12,
            width: NODE_W - 16,
            overflow: "truncate",
            lineHeight: 15,
          },
          data: [
            // Column headings, which also keep the four columns in place when one is empty.
            ...MAP_LAYERS.map((kind, col) => ({
              id: `heading:${kind}`,
              name: MAP_KIND_LABELS[kind],
              x: col * (NODE_W + COL_GAP),
              y: HEADING_Y,
              symbol: "rect",
              symbolSize: [NODE_W, 20],
              itemStyle: { color: "rgba(0,0,0,0)", borderWidth: 0 },
              label: { formatter: `${MAP_KIND_LABELS[kind]}s`, fontWeight: "bold", fontSize: 13 },
              tooltip: { show: false },
              emphasis: { disabled: true },
            })),
            ...placed.map(({ node, x, y }) => ({
              id: node.id,
              name: node.label,
              x,
              y,
              // The symbol is an invisible hit area; the box is the label's own background and border,
              // which ECharts draws in pixels (a symbol's border would be stretched with the symbol).
              symbol: "rect",
              symbolSize: [NODE_W, NODE_H],
              itemStyle: { color: "rgba(0,0,0,0)", borderWidth: 0 },
              label: {
                formatter: `${node.impacted ? "⚠ " : ""}${node.label}${node.status ? `\n{s|${statusText(node)}}` : ""}`,
                rich: { s: { fontSize: 11, color: "#495057" } },
                backgroundColor: MAP_COLORS[node.kind],
                borderColor: node.impacted ? IMPACT_COLOR : MAP_BORDERS[node.kind],
                borderWidth: node.impacted ? 4 : 1.5,
                borderRadius: 4,
                // One line (no status) sits in the middle of the box: more padding above and below.
                padding: [node.status ? 6 : 14, 8],
                width: NODE_W - 16,
                height: NODE_H - (node.status ? 12 : 28),
                align: "center",
                verticalAlign: "middle",
              },
            })),
          ],
          links: map.edges
            .filter((e) => byId.has(e.from) && byId.has(e.to))
            .map((e) => ({
              source: e.from,
              target: e.to,
              lineStyle:
                byId.get(e.from)?.impacted && byId.get(e.to)?.impacted
                  ? { color: IMPACT_COLOR, width: 2.5 }
                  : undefined,
            })),
        },
      ],
    };
  }, [map, placed]);
  return (
    <EChart
      option={option}
      height={height}
      label={`Benefits dependency network: ${map.nodes.length} nodes in four columns from enabling projects through business changes and benefits to objectives${impacted > 0 ? `; ${impacted} impacted nodes have a red border` : ""}. The lists below name every node, link and impact.`}
    />
  );
}

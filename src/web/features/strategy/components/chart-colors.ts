/** Chart colours dark enough to tell apart from the white background (≥ 3:1). */
export const CHART_COLORS = ["#1864ab", "#c2255c", "#2b8a3e", "#e8590c", "#5f3dc4", "#0b7285"];

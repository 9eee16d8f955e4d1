/**
 * Project scoring against strategy: alignment with weighted objectives, normalization of criterion
 * values, weighted priority scores, ranking, weight sensitivity, and where the money goes compared
 * with what the strategy weighs. Pure functions; inputs are never mutated.
 *
 * | function          | formula and decisions                                                                      |
 * |-------------------|--------------------------------------------------------------------------------------------|
 * | alignmentScore    | Σ objectiveWeight × strength ÷ (3 × total weight of all active objectives): 1 when a       |
 * |                   | project serves every active objective with strength 3. Clamped to 0..1 (a link counted     |
 * |                   | twice cannot exceed 1); 0 when the total is ≤ 0.                                           |
 * | normalizeScore    | (value − min) ÷ (max − min), clamped to 0..1. Give min > max when lower is better (risk,   |
 * |                   | cost). min = max: 1 when value ≥ max, else 0. Non-finite: 0.                               |
 * | normalizeByRange  | min-max across the values given (data-derived criteria such as NPV); lowerIsBetter flips   |
 * |                   | it. All equal → 1 for all: the criterion does not separate the projects, and a lone        |
 * |                   | project should not score 0 on it. Non-finite values get 0 and are left out of min and max. |
 * | priorityScore     | weights normalized to sum 1 (negative or non-finite weights count as 0; all 0 → score 0);  |
 * |                   | score = Σ weight × score. Missing (or non-finite) scores count as 0 and are listed in      |
 * |                   | `missing`. Scores are not clamped: normalize them first.                                   |
 * | rankProjects      | by score descending; scores equal to 9 decimals tie and share a rank (standard competition |
 * |                   | ranking 1, 2, 2, 4); ties ordered by id (code-unit order, not locale, so server and        |
 * |                   | browser agree).                                                                            |
 * | sensitivity       | per criterion k with share s: new share s × (1 ± δ) (capped to 1), the others rescaled     |
 * |                   | proportionally to fill 1 − new share, then re-ranked. rankChange = base rank − new rank    |
 * |                   | (positive = climbs). A criterion with share 0 (no relative change possible) or 1 (nothing  |
 * |                   | to rescale) changes nothing. Leader change: each score is linear in the share (s′·xₖ + (1  |
 * |                   | − s′)·others), so the smallest change at which another project catches the leader is       |
 * |                   | solved exactly, within the natural bounds 0 ≤ s′ ≤ 1, instead of searched.                 |
 * | strategySpend     | each project's budget split over its linked objectives in proportion to strength, in whole |
 * |                   | cents (largest remainder). Links with strength ≤ 0 or to objectives not listed are         |
 * |                   | ignored; a project left without links is unlinked spend. spendShare = objective spend ÷    |
 * |                   | linked spend (sums to 1 when there is linked spend); weightShare = weight ÷ Σ weights;     |
 * |                   | mismatch = spendShare − weightShare. Flagged: abs(mismatch) > 0.1 and among the 3 largest  |
 * |                   | abs(mismatch) (both options) — the threshold keeps an aligned portfolio free of flags, the |
 * |                   | cap keeps the focus.                                                                       |
 */

export const MAX_ALIGNMENT_STRENGTH = 3;
export type AlignmentStrength = 0 | 1 | 2 | 3;
export type AlignmentLink = { objectiveWeight: number; strength: AlignmentStrength };

function finiteNonNegative(x: number): number {
  return Number.isFinite(x) && x > 0 ? x : 0;
}

function clamp01(x: number): number {
  if (Number.isNaN(x)) return 0;
  return Math.min(1, Math.max(0, x));
}

/** How well a project serves the active strategy, 0..1; `totalObjectiveWeight` = Σ weights of all active objectives. */
export function alignmentScore(links: readonly AlignmentLink[], totalObjectiveWeight: number): number {
  const total = finiteNonNegative(totalObjectiveWeight);
  if (total === 0) return 0;
  let sum = 0;
  for (const l of links)
    sum += finiteNonNegative(l.objectiveWeight) * Math.min(MAX_ALIGNMENT_STRENGTH, finiteNonNegative(l.strength));
  return clamp01(sum / (MAX_ALIGNMENT_STRENGTH * total));
}

export type Scale = { min: number; max: number };

export function normalizeScore(value: number, scale: Scale): number {
  const { min, max } = scale;
  if (!Number.isFinite(value) || !Number.isFinite(min) || !Number.isFinite(max)) return 0;
  if (min === max) return value >= max ? 1 : 0;
  return clamp01((value - min) / (max - min));
}

export function normalizeByRange(values: readonly number[], options: { lowerIsBetter?: boolean } = {}): number[] {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return values.map(() => 0);
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  return values.map((v) => {
    if (!Number.isFinite(v)) return 0;
    if (lo === hi) return 1;
    const x = (v - lo) / (hi - lo);
    return clamp01(options.lowerIsBetter ? 1 - x : x);
  });
}

export type Criterion = { key: string; weight: number };
export type CriterionContribution = {
  key: string;
  /** Weight normalized so all weights sum to 1. */
  weight: number;
  /** The criterion score used (0 when missing). */
  normalized: number;
  contribution: number;
};
export type PriorityScore = { score: number; breakdown: CriterionContribution[]; missing: string[] };

export function priorityScore(
  criteria: readonly Criterion[],
  scores: Readonly<Record<string, number | undefined>>,
): PriorityScore {
  const weights = criteria.map((c) => finiteNonNegative(c.weight));
  const total = weights.reduce((s, w) => s + w, 0);
  const missing: string[] = [];
  let weighted = 0;
  const breakdown = criteria.map((c, i) => {
    const raw = Object.hasOwn(scores, c.key) ? scores[c.key] : undefined;
    const normalized = typeof raw === "number" && Number.isFinite(raw) ? raw : 0;
    if (normalized !== raw) missing.push(c.key);
    const w = weights[i]!;
    weighted += w * normalized;
    return {
      key: c.key,
      weight: total > 0 ? w / total : 0,
      normalized,
      contribution: total > 0 ? (w * normalized) / total : 0,
    };
  });
  // Dividing the weighted sum once (instead of summing w/total × s) keeps the score ≤ 1 exactly
  // when every score is ≤ 1: rounding is monotone.
  return { score: total > 0 ? weighted / total : 0, breakdown, missing };
}

export type ScoredProject = { id: string; scores: Readonly<Record<string, number | undefined>> };
export type RankedProject = PriorityScore & { id: string; rank: number };

const TIE_DECIMALS = 1e9;

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function rankProjects(projects: readonly ScoredProject[], criteria: readonly Criterion[]): RankedProject[] {
  const scored = projects.map((p) => {
    const s = priorityScore(criteria, p.scores);
    const key = Number.isFinite(s.score) ? Math.round(s.score * TIE_DECIMALS) : Number.NEGATIVE_INFINITY;
    return { id: p.id, key, ...s };
  });
  scored.sort((a, b) => (a.key !== b.key ? b.key - a.key : compareIds(a.id, b.id)));
  const ranked: RankedProject[] = [];
  scored.forEach(({ key, ...rest }, i) => {
    const previous = scored[i - 1];
    const rank = previous !== undefined && previous.key === key ? ranked[i - 1]!.rank : i + 1;
    ranked.push({ ...rest, rank });
  });
  return ranked;
}

export type RankShift = { id: string; baseRank: number; rank: number; rankChange: number };
export type SensitivityRun = { share: number; ranking: RankShift[] };
export type LeaderChange = {
  direction: "increase" | "decrease";
  /** |new share ÷ base share − 1|: 0.25 means the weight × 1.25 (increase) or × 0.75 (decrease). */
  relativeChange: number;
  share: number;
  newLeader: string;
};
export type CriterionSensitivity = {
  key: string;
  /** Base share of the total weight. */
  share: number;
  increased: SensitivityRun;
  decreased: SensitivityRun;
  /** Smallest change of this criterion's weight at which another project catches the leader; null if none. */
  leaderChange: LeaderChange | null;
};
export type SensitivityReport = {
  delta: number;
  base: RankedProject[];
  leader: string | null;
  criteria: CriterionSensitivity[];
};

function scoreOf(scores: Readonly<Record<string, number | undefined>>, key: string): number {
  const v = Object.hasOwn(scores, key) ? scores[key] : undefined;
  return typeof v === "number" && Number.isFinite(v) ? v : 0;
}

export function sensitivity(
  projects: readonly ScoredProject[],
  criteria: readonly Criterion[],
  delta = 0.1,
): SensitivityReport {
  const base = rankProjects(projects, criteria);
  const baseRank = new Map(base.map((p) => [p.id, p.rank]));
  const weights = criteria.map((c) => finiteNonNegative(c.weight));
  const total = weights.reduce((s, w) => s + w, 0);
  const shares = weights.map((w) => (total > 0 ? w / total : 0));
  const leader = base[0]?.id ?? null;
  const unchanged = (share: number): SensitivityRun => ({
    share,
    ranking: base.map((p) => ({ id: p.id, baseRank: p.rank, rank: p.rank, rankChange: 0 })),
  });

  const report = criteria.map((criterion, k): CriterionSensitivity => {
    const share = shares[k]!;
    const others = total - weights[k]!;
    if (share === 0 || !(others > 0))
      return {
        key: criterion.key,
        share,
        increased: unchanged(share),
        decreased: unchanged(share),
        leaderChange: null,
      };

    const withShare = (newShare: number): Criterion[] =>
      criteria.map((c, j) => ({ key: c.key, weight: j === k ? newShare : (weights[j]! * (1 - newShare)) / others }));
    const run = (newShare: number): SensitivityRun => ({
      share: newShare,
      ranking: rankProjects(projects, withShare(newShare)).map((p) => {
        const before = baseRank.get(p.id) ?? p.rank;
        return { id: p.id, baseRank: before, rank: p.rank, rankChange: before - p.rank };
      }),
    });

    // score(s′) = s′·x + (1 − s′)·o, with o the project's score on the other criteria rescaled to sum 1.
    const line = (scores: Readonly<Record<string, number | undefined>>) => {
      let o = 0;
      criteria.forEach((c, j) => {
        if (j !== k) o += weights[j]! * scoreOf(scores, c.key);
      });
      return { x: scoreOf(scores, criterion.key), o: o / others };
    };
    let leaderChange: LeaderChange | null = null;
    const top = projects.find((p) => p.id === leader);
    if (top) {
      const t = line(top.scores);
      for (const p of projects) {
        if (p.id === leader) continue;
        const q = line(p.scores);
        // gap(s′) = a + b·s′ = leader − challenger
        const a = t.o - q.o;
        const b = t.x - q.x - a;
        if (b === 0) continue;
        const crossing = -a / b;
        if (!(crossing >= 0 && crossing <= 1)) continue;
        const direction = crossing > share || (crossing === share && b < 0) ? "increase" : "decrease";
        const relativeChange = Math.abs(crossing / share - 1);
        if (
          leaderChange === null ||
          relativeChange < leaderChange.relativeChange ||
          (relativeChange === leaderChange.relativeChange && compareIds(p.id, leaderChange.newLeader) < 0)
        )
          leaderChange = { direction, relativeChange, share: crossing, newLeader: p.id };
      }
    }
    return {
      key: criterion.key,
      share,
      increased: run(Math.min(1, share * (1 + delta))),
      decreased: run(Math.max(0, share * (1 - delta))),
      leaderChange,
    };
  });
  return { delta, base, leader, criteria: report };
}

export type ObjectiveWeight = { id: string; weight: number };
export type ProjectObjectiveLinks = {
  projectId: string;
  budgetCents: number;
  objectives: readonly { objectiveId: string; strength: number }[];
};
export type ObjectiveSpend = {
  objectiveId: string;
  spendCents: number;
  spendShare: number;
  weightShare: number;
  mismatch: number;
  flagged: boolean;
};
export type StrategySpend = {
  totalSpendCents: number;
  linkedSpendCents: number;
  unlinkedSpendCents: number;
  /** Unlinked spend ÷ total spend (0 without spend). */
  unlinkedShare: number;
  unlinkedProjectIds: string[];
  objectives: ObjectiveSpend[];
};
export type StrategySpendOptions = { flagThreshold?: number; maxFlagged?: number };

export const SPEND_MISMATCH_THRESHOLD = 0.1;
export const MAX_FLAGGED_MISMATCHES = 3;

/**
 * Splits whole cents in proportion to the parts, giving leftover cents to the largest remainders
 * (earlier first on ties), so the pieces sum to `cents` exactly.
 */
function splitCents(cents: number, parts: readonly number[]): number[] {
  const total = parts.reduce((s, p) => s + p, 0);
  const exact = parts.map((p) => (cents * p) / total);
  const out = exact.map(Math.floor);
  let left = cents - out.reduce((s, c) => s + c, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((x, y) => y.r - x.r || x.i - y.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i]! += 1;
    left -= 1;
  }
  return out;
}

export function strategySpend(
  objectives: readonly ObjectiveWeight[],
  projectLinks: readonly ProjectObjectiveLinks[],
  options: StrategySpendOptions = {},
): StrategySpend {
  const threshold = options.flagThreshold ?? SPEND_MISMATCH_THRESHOLD;
  const maxFlagged = options.maxFlagged ?? MAX_FLAGGED_MISMATCHES;
  const spend = new Map<string, number>(objectives.map((o) => [o.id, 0]));
  let totalSpendCents = 0;
  let unlinkedSpendCents = 0;
  const unlinkedProjectIds: string[] = [];

  for (const project of projectLinks) {
    const budget =
      Number.isFinite(project.budgetCents) && project.budgetCents > 0 ? Math.round(project.budgetCents) : 0;
    totalSpendCents += budget;
    const links = project.objectives.filter((l) => spend.has(l.objectiveId) && finiteNonNegative(l.strength) > 0);
    if (links.length === 0) {
      unlinkedSpendCents += budget;
      unlinkedProjectIds.push(project.projectId);
      continue;
    }
    const parts = splitCents(
      budget,
      links.map((l) => l.strength),
    );
    links.forEach((l, i) => {
      spend.set(l.objectiveId, spend.get(l.objectiveId)! + parts[i]!);
    });
  }

  const linkedSpendCents = totalSpendCents - unlinkedSpendCents;
  const totalWeight = objectives.reduce((s, o) => s + finiteNonNegative(o.weight), 0);
  const rows: ObjectiveSpend[] = objectives.map((o) => {
    const spendCents = spend.get(o.id) ?? 0;
    const spendShare = linkedSpendCents > 0 ? spendCents / linkedSpendCents : 0;
    const weightShare = totalWeight > 0 ? finiteNonNegative(o.weight) / totalWeight : 0;
    return {
      objectiveId: o.id,
      spendCents,
      spendShare,
      weightShare,
      mismatch: spendShare - weightShare,
      flagged: false,
    };
  });
  const largest = rows
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => Math.abs(r.mismatch) > threshold)
    .sort((x, y) => Math.abs(y.r.mismatch) - Math.abs(x.r.mismatch) || compareIds(x.r.objectiveId, y.r.objectiveId))
    .slice(0, Math.max(0, maxFlagged));
  for (const { i } of largest) rows[i]!.flagged = true;

  return {
    totalSpendCents,
    linkedSpendCents,
    unlinkedSpendCents,
    unlinkedShare: totalSpendCents > 0 ? unlinkedSpendCents / totalSpendCents : 0,
    unlinkedProjectIds,
    objectives: rows,
  };
}

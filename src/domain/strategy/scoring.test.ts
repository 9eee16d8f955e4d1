import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  alignmentScore,
  type Criterion,
  normalizeByRange,
  normalizeScore,
  type ProjectObjectiveLinks,
  priorityScore,
  rankProjects,
  type ScoredProject,
  sensitivity,
  strategySpend,
} from "./scoring.js";

function makeProject(id: string, scores: Record<string, number>): ScoredProject {
  return { id, scores };
}

describe("alignmentScore", () => {
  // Active objectives weigh 5, 3 and 2: total 10, so the maximum is 3 × 10 = 30.
  it("divides Σ weight × strength by 3 × the total active weight", () => {
    // (5 × 3 + 2 × 1) / 30 = 17 / 30
    expect(
      alignmentScore(
        [
          { objectiveWeight: 5, strength: 3 },
          { objectiveWeight: 2, strength: 1 },
        ],
        10,
      ),
    ).toBeCloseTo(17 / 30, 12);
    // Serving every objective with strength 3 scores 1.
    expect(
      alignmentScore(
        [
          { objectiveWeight: 5, strength: 3 },
          { objectiveWeight: 3, strength: 3 },
          { objectiveWeight: 2, strength: 3 },
        ],
        10,
      ),
    ).toBe(1);
    expect(alignmentScore([], 10)).toBe(0);
    expect(alignmentScore([{ objectiveWeight: 5, strength: 0 }], 10)).toBe(0);
  });

  it("is 0 without active weight and never above 1", () => {
    expect(alignmentScore([{ objectiveWeight: 5, strength: 3 }], 0)).toBe(0);
    expect(
      alignmentScore(
        [
          { objectiveWeight: 5, strength: 3 },
          { objectiveWeight: 5, strength: 3 },
        ],
        5,
      ),
    ).toBe(1);
  });

  it("lies in [0, 1] (property)", () => {
    const link = fc.record({
      objectiveWeight: fc.double({ min: 0, max: 100, noNaN: true }),
      strength: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
    });
    fc.assert(
      fc.property(fc.array(link), fc.double({ min: 0, max: 1000, noNaN: true }), (links, extra) => {
        const total = links.reduce((s, l) => s + l.objectiveWeight, 0) + extra;
        const a = alignmentScore(links, total);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe("normalizeScore", () => {
  it("maps a scale to 0..1 and clamps outside it", () => {
    expect(normalizeScore(3, { min: 1, max: 5 })).toBe(0.5); // (3 − 1) / 4
    expect(normalizeScore(0, { min: 1, max: 5 })).toBe(0);
    expect(normalizeScore(6, { min: 1, max: 5 })).toBe(1);
  });

  it("reverses a scale given with min > max (lower is better)", () => {
    expect(normalizeScore(2, { min: 5, max: 1 })).toBe(0.75); // (2 − 5) / (1 − 5)
  });

  it("handles a degenerate scale and non-finite values", () => {
    expect(normalizeScore(3, { min: 3, max: 3 })).toBe(1);
    expect(normalizeScore(2, { min: 3, max: 3 })).toBe(0);
    expect(normalizeScore(Number.NaN, { min: 1, max: 5 })).toBe(0);
  });
});

describe("normalizeByRange", () => {
  it("maps the lowest to 0 and the highest to 1", () => {
    expect(normalizeByRange([100, 300, 200])).toEqual([0, 1, 0.5]);
    expect(normalizeByRange([100, 300, 200], { lowerIsBetter: true })).toEqual([1, 0, 0.5]);
  });

  it("gives 1 to all when all are equal, 0 to non-finite values", () => {
    expect(normalizeByRange([7, 7])).toEqual([1, 1]);
    expect(normalizeByRange([42])).toEqual([1]);
    expect(normalizeByRange([10, Number.NaN, 20])).toEqual([0, 0, 1]);
    expect(normalizeByRange([])).toEqual([]);
  });
});

describe("priorityScore", () => {
  it("normalizes weights to sum 1 and adds weight × score", () => {
    // Weights 3 and 1 → 0.75 and 0.25; 0.75 × 0.6 + 0.25 × 0.2 = 0.45 + 0.05 = 0.5
    const p = priorityScore(
      [
        { key: "alignment", weight: 3 },
        { key: "npv", weight: 1 },
      ],
      { alignment: 0.6, npv: 0.2 },
    );
    expect(p.score).toBeCloseTo(0.5, 12);
    expect(p.missing).toEqual([]);
    expect(p.breakdown).toHaveLength(2);
    expect(p.breakdown[0]).toMatchObject({ key: "alignment", weight: 0.75, normalized: 0.6 });
    expect(p.breakdown[0]!.contribution).toBeCloseTo(0.45, 12);
    expect(p.breakdown[1]).toMatchObject({ key: "npv", weight: 0.25, normalized: 0.2 });
    expect(p.breakdown[1]!.contribution).toBeCloseTo(0.05, 12);
  });

  it("counts missing scores as 0 and lists them", () => {
    // Weights 2, 1, 1 → 0.5, 0.25, 0.25; 0.5 × 0.8 + 0.25 × 0.4 + 0.25 × 0 = 0.5
    const p = priorityScore(
      [
        { key: "a", weight: 2 },
        { key: "b", weight: 1 },
        { key: "c", weight: 1 },
        { key: "d", weight: 0 },
      ],
      { a: 0.8, b: 0.4, d: Number.NaN },
    );
    expect(p.score).toBeCloseTo(0.5, 12);
    expect(p.missing).toEqual(["c", "d"]);
    expect(p.breakdown[2]).toEqual({ key: "c", weight: 0.25, normalized: 0, contribution: 0 });
  });

  it("scores 0 when no criterion has weight", () => {
    expect(priorityScore([{ key: "a", weight: 0 }], { a: 1 }).score).toBe(0);
    expect(priorityScore([], {}).score).toBe(0);
  });

  it("does not read inherited properties as scores", () => {
    expect(priorityScore([{ key: "toString", weight: 1 }], {}).missing).toEqual(["toString"]);
  });

  it("lies in [0, 1] when the scores do (property)", () => {
    const keys = ["a", "b", "c", "d", "e"];
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 5, maxLength: 5 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }),
        (weights, values) => {
          const criteria = keys.map((key, i) => ({ key, weight: weights[i]! }));
          const scores = Object.fromEntries(keys.map((k, i) => [k, values[i]!]));
          const { score } = priorityScore(criteria, scores);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe("rankProjects", () => {
  const criteria: Criterion[] = [{ key: "value", weight: 1 }];

  it("ranks by score with shared ranks for ties (1, 2, 2, 4), ties by id", () => {
    const ranked = rankProjects(
      [
        makeProject("d", { value: 0.4 }),
        makeProject("c", { value: 0.7 }),
        makeProject("a", { value: 0.9 }),
        makeProject("b", { value: 0.7 }),
      ],
      criteria,
    );
    expect(ranked.map((p) => [p.id, p.rank])).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 2],
      ["d", 4],
    ]);
    expect(ranked[0]!.score).toBe(0.9);
  });

  it("treats scores equal to 9 decimals as ties", () => {
    // 0.1 + 0.2 = 0.30000000000000004 in binary floating point.
    const ranked = rankProjects(
      [makeProject("y", { a: 0.1, b: 0.2 }), makeProject("x", { a: 0.3, b: 0 })],
      [
        { key: "a", weight: 1 },
        { key: "b", weight: 1 },
      ],
    );
    expect(ranked.map((p) => [p.id, p.rank])).toEqual([
      ["x", 1],
      ["y", 1],
    ]);
  });

  it("orders ids by code unit, not locale", () => {
    const ranked = rankProjects([makeProject("b", { value: 1 }), makeProject("B", { value: 1 })], criteria);
    expect(ranked.map((p) => p.id)).toEqual(["B", "b"]);
  });

  it("does not change when all weights are scaled by a constant (property)", () => {
    const keys = ["a", "b", "c"];
    const project = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      scores: fc.record({
        a: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
        b: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
        c: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
      }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(project, { selector: (p) => p.id, maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 3, maxLength: 3 }),
        fc.double({ min: 0.001, max: 1000, noNaN: true }),
        (projects, weights, factor) => {
          const criteria = keys.map((key, i) => ({ key, weight: weights[i]! }));
          const scaled = criteria.map((c) => ({ ...c, weight: c.weight * factor }));
          const ranks = (cs: Criterion[]) => rankProjects(projects, cs).map((p) => [p.id, p.rank]);
          expect(ranks(scaled)).toEqual(ranks(criteria));
        },
      ),
    );
  });
});

describe("sensitivity", () => {
  // Two criteria of equal weight (shares 0.5 / 0.5):
  //   P1: A 1.0, B 0.00 → 0.50      P2: A 0.0, B 0.96 → 0.48      P3: A 0.5, B 0.3 → 0.40
  // B + 10 % → shares A 0.45, B 0.55: P1 0.45, P2 0.528, P3 0.39 → P2 overtakes P1.
  // B − 10 % → shares A 0.55, B 0.45: P1 0.55, P2 0.432, P3 0.41 → unchanged.
  const criteria: Criterion[] = [
    { key: "A", weight: 1 },
    { key: "B", weight: 1 },
  ];
  const projects = [
    makeProject("P1", { A: 1, B: 0 }),
    makeProject("P2", { A: 0, B: 0.96 }),
    makeProject("P3", { A: 0.5, B: 0.3 }),
  ];

  it("re-ranks with each weight 10 % up and down and reports rank changes", () => {
    const report = sensitivity(projects, criteria);
    expect(report.leader).toBe("P1");
    expect(report.base.map((p) => [p.id, p.rank])).toEqual([
      ["P1", 1],
      ["P2", 2],
      ["P3", 3],
    ]);
    const b = report.criteria[1]!;
    expect(b.key).toBe("B");
    expect(b.share).toBe(0.5);
    expect(b.increased.share).toBeCloseTo(0.55, 12);
    expect(b.increased.ranking).toEqual([
      { id: "P2", baseRank: 2, rank: 1, rankChange: 1 },
      { id: "P1", baseRank: 1, rank: 2, rankChange: -1 },
      { id: "P3", baseRank: 3, rank: 3, rankChange: 0 },
    ]);
    expect(b.decreased.ranking.every((r) => r.rankChange === 0)).toBe(true);
    // Lowering A by 10 % gives the same shares as raising B.
    const a = report.criteria[0]!;
    expect(a.decreased.ranking.map((r) => [r.id, r.rankChange])).toEqual([
      ["P2", 1],
      ["P1", -1],
      ["P3", 0],
    ]);
    expect(a.increased.ranking.every((r) => r.rankChange === 0)).toBe(true);
  });

  it("finds the exact break-even change for the leader", () => {
    // P1 − P2 as a function of B's share s: (1 − s) − 0.96 s = 0 at s = 1/1.96 ≈ 0.5102,
    // a relative change of (1/1.96)/0.5 − 1 = 0.04/1.96 ≈ 2.04 %. For A it is the mirror image.
    const report = sensitivity(projects, criteria);
    const b = report.criteria[1]!.leaderChange!;
    expect(b.direction).toBe("increase");
    expect(b.newLeader).toBe("P2");
    expect(b.share).toBeCloseTo(1 / 1.96, 12);
    expect(b.relativeChange).toBeCloseTo(0.04 / 1.96, 12);
    const a = report.criteria[0]!.leaderChange!;
    expect(a.direction).toBe("decrease");
    expect(a.relativeChange).toBeCloseTo(0.04 / 1.96, 12);

    // Check against re-ranking just either side of the break-even share.
    const leaderAt = (share: number) =>
      rankProjects(projects, [
        { key: "A", weight: 1 - share },
        { key: "B", weight: share },
      ])[0]!.id;
    expect(leaderAt(b.share - 1e-6)).toBe("P1");
    expect(leaderAt(b.share + 1e-6)).toBe("P2");
  });

  it("leaves a criterion without weight, or the only weighted one, without effect", () => {
    const report = sensitivity(projects, [
      { key: "A", weight: 2 },
      { key: "B", weight: 0 },
    ]);
    for (const c of report.criteria) {
      expect(c.leaderChange).toBeNull();
      expect(c.increased.ranking.every((r) => r.rankChange === 0)).toBe(true);
      expect(c.decreased.ranking.every((r) => r.rankChange === 0)).toBe(true);
    }
  });

  it("reports no leader change when no project can catch up", () => {
    const report = sensitivity([makeProject("P1", { A: 1, B: 1 }), makeProject("P2", { A: 0.5, B: 0.5 })], criteria);
    expect(report.criteria.map((c) => c.leaderChange)).toEqual([null, null]);
    expect(sensitivity([], criteria).leader).toBeNull();
  });

  it("takes the size of the change as a parameter", () => {
    // A 1 % rise of B (share 0.505) is below the 2.04 % break-even: nothing changes.
    const report = sensitivity(projects, criteria, 0.01);
    expect(report.delta).toBe(0.01);
    expect(report.criteria[1]!.increased.ranking.every((r) => r.rankChange === 0)).toBe(true);
  });
});

describe("strategySpend", () => {
  // Objectives O1, O2, O3 weigh 5, 3, 2 → shares 0.5, 0.3, 0.2.
  const objectives = [
    { id: "O1", weight: 5 },
    { id: "O2", weight: 3 },
    { id: "O3", weight: 2 },
  ];
  const links: ProjectObjectiveLinks[] = [
    // 1000 split 3 : 1 → O1 750, O2 250
    {
      projectId: "P1",
      budgetCents: 1000,
      objectives: [
        { objectiveId: "O1", strength: 3 },
        { objectiveId: "O2", strength: 1 },
      ],
    },
    // 600 split 2 : 1 → O2 400, O3 200
    {
      projectId: "P2",
      budgetCents: 600,
      objectives: [
        { objectiveId: "O2", strength: 2 },
        { objectiveId: "O3", strength: 1 },
      ],
    },
    { projectId: "P3", budgetCents: 400, objectives: [] },
    { projectId: "P4", budgetCents: 100, objectives: [{ objectiveId: "O9", strength: 3 }] }, // unknown objective
    { projectId: "P5", budgetCents: 50, objectives: [{ objectiveId: "O1", strength: 0 }] }, // no strength
  ];

  it("splits budgets by strength and compares spend share with weight share", () => {
    const s = strategySpend(objectives, links);
    // Linked spend 1600: O1 750 / 1600 = 0.46875, O2 650 / 1600 = 0.40625, O3 200 / 1600 = 0.125.
    expect(s).toMatchObject({
      totalSpendCents: 2150,
      linkedSpendCents: 1600,
      unlinkedSpendCents: 550,
      unlinkedProjectIds: ["P3", "P4", "P5"],
    });
    expect(s.unlinkedShare).toBeCloseTo(550 / 2150, 12);
    expect(s.objectives.map((o) => [o.objectiveId, o.spendCents, o.spendShare, o.weightShare])).toEqual([
      ["O1", 750, 0.46875, 0.5],
      ["O2", 650, 0.40625, 0.3],
      ["O3", 200, 0.125, 0.2],
    ]);
    // Mismatches −0.03125, +0.10625, −0.075: only O2 is beyond 0.1.
    expect(s.objectives[1]!.mismatch).toBeCloseTo(0.10625, 12);
    expect(s.objectives.map((o) => o.flagged)).toEqual([false, true, false]);
    expect(s.objectives.reduce((sum, o) => sum + o.spendShare, 0)).toBeCloseTo(1, 12);
  });

  it("splits whole cents by largest remainder", () => {
    const s = strategySpend(objectives, [
      {
        projectId: "P",
        budgetCents: 100,
        objectives: [
          { objectiveId: "O1", strength: 1 },
          { objectiveId: "O2", strength: 1 },
          { objectiveId: "O3", strength: 1 },
        ],
      },
    ]);
    expect(s.objectives.map((o) => o.spendCents)).toEqual([34, 33, 33]);
  });

  it("flags at most the 3 largest mismatches beyond the threshold", () => {
    // Five objectives of equal weight (0.2 each); all money on A: mismatches +0.8, −0.2 × 4.
    const five = ["A", "B", "C", "D", "E"].map((id) => ({ id, weight: 1 }));
    const s = strategySpend(five, [
      { projectId: "P", budgetCents: 500, objectives: [{ objectiveId: "A", strength: 2 }] },
    ]);
    expect(s.objectives.map((o) => o.flagged)).toEqual([true, true, true, false, false]);
    expect(
      strategySpend(five, [{ projectId: "P", budgetCents: 500, objectives: [{ objectiveId: "A", strength: 2 }] }], {
        maxFlagged: 1,
      })
        .objectives.filter((o) => o.flagged)
        .map((o) => o.objectiveId),
    ).toEqual(["A"]);
  });

  it("reports zero shares without linked spend or weight", () => {
    const s = strategySpend([{ id: "O1", weight: 0 }], [{ projectId: "P", budgetCents: 10, objectives: [] }]);
    expect(s.objectives).toEqual([
      { objectiveId: "O1", spendCents: 0, spendShare: 0, weightShare: 0, mismatch: 0, flagged: false },
    ]);
    expect(s.unlinkedShare).toBe(1);
  });

  it("keeps every cent and spend shares sum to 1 (property)", () => {
    const ids = ["O1", "O2", "O3", "O4"];
    const project = fc.record({
      projectId: fc.string(),
      budgetCents: fc.integer({ min: 0, max: 10_000_000_000 }),
      objectives: fc.array(
        fc.record({ objectiveId: fc.constantFrom(...ids, "Ox"), strength: fc.integer({ min: 0, max: 3 }) }),
        { maxLength: 4 },
      ),
    });
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 4, maxLength: 4 }),
        fc.array(project, { maxLength: 10 }),
        (weights, projects) => {
          const s = strategySpend(
            ids.map((id, i) => ({ id, weight: weights[i]! })),
            projects,
          );
          const objectiveCents = s.objectives.reduce((sum, o) => sum + o.spendCents, 0);
          expect(objectiveCents).toBe(s.linkedSpendCents);
          expect(objectiveCents + s.unlinkedSpendCents).toBe(s.totalSpendCents);
          for (const o of s.objectives) expect(Number.isInteger(o.spendCents)).toBe(true);
          if (s.linkedSpendCents > 0) expect(s.objectives.reduce((sum, o) => sum + o.spendShare, 0)).toBeCloseTo(1, 9);
          expect(s.objectives.filter((o) => o.flagged).length).toBeLessThanOrEqual(3);
        },
      ),
    );
  });
});

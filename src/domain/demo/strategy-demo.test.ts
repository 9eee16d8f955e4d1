import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { totalBudgetCents } from "../portfolio/project-rules.js";
import { isIsoDate } from "../shared/period.js";
import { evaluateAhp, isSaatyValue, matrixFromJudgments } from "../strategy/ahp.js";
import { trackGoal } from "../strategy/goal-progress.js";
import { strategySpend } from "../strategy/scoring.js";
import { assessSmart } from "../strategy/smart.js";
import { buildDemoDataset } from "./demo-dataset.js";
import { buildStrategyDemo, type DemoGoal, SCORED_STATUSES, type StrategyDemo } from "./strategy-demo.js";

const AS_OF = "2026-11-25";
const dataset = buildDemoDataset();
const demo = buildStrategyDemo({ asOf: AS_OF }, dataset);

const people = new Map(dataset.people.map((p) => [p.email, p]));
const projects = new Map(dataset.projects.map((p) => [p.code, p]));
const executives = dataset.people.filter((p) => p.role === "executive").map((p) => p.email);
const pmo = dataset.people.filter((p) => p.role === "pmo").map((p) => p.email);

function trackingOf(goal: DemoGoal, asOf: string) {
  return trackGoal(
    {
      direction: goal.direction,
      baseline: { value: goal.baselineValue, date: goal.baselineDate },
      target: { value: goal.targetValue, date: goal.targetDate },
      tolerance: goal.tolerance,
      milestones: goal.milestones,
    },
    goal.checkIns,
    asOf,
  );
}

function smartOf(demoData: StrategyDemo, goal: DemoGoal, asOf: string) {
  const objective = demoData.objectives.find((o) => o.code === goal.objectiveCode);
  return assessSmart(
    {
      title: goal.title,
      metricName: goal.metricName,
      unit: goal.unit,
      direction: goal.direction,
      baseline: { value: goal.baselineValue, date: goal.baselineDate },
      target: { value: goal.targetValue, date: goal.targetDate },
      tolerance: goal.tolerance,
      owner: goal.ownerEmail,
      scope: goal.scope,
    },
    {
      asOf,
      objective: objective
        ? {
            kind: objective.kind,
            status: "active",
            weight: objective.weight,
            horizonStart: objective.horizonStart,
            horizonEnd: objective.horizonEnd,
          }
        : null,
      history: [],
    },
  );
}

describe("buildStrategyDemo: references", () => {
  it("refers only to people, projects, objectives, criteria and goals that exist", () => {
    const objectiveCodes = new Set(demo.objectives.map((o) => o.code));
    const criterionKeys = new Set(demo.criteria.map((c) => c.key));
    const goalKeys = new Set(demo.goals.map((g) => g.key));
    const emails = [
      ...demo.objectives.map((o) => o.ownerEmail),
      ...demo.goals.map((g) => g.ownerEmail),
      ...demo.prioritization.participants.map((p) => p.email),
      ...demo.meetings.flatMap((m) => [
        ...m.attendees.map((a) => a.email),
        ...m.decisions.flatMap((d) => d.decidedByEmails),
        ...m.actionItems.map((a) => a.ownerEmail),
      ]),
    ];
    for (const email of emails) expect(people.has(email), email).toBe(true);
    for (const o of demo.objectives) if (o.parentCode) expect(objectiveCodes.has(o.parentCode), o.code).toBe(true);
    for (const g of demo.goals) {
      if (g.objectiveCode) expect(objectiveCodes.has(g.objectiveCode), g.key).toBe(true);
      if (g.projectCode) expect(projects.has(g.projectCode), g.key).toBe(true);
    }
    for (const p of demo.projects) {
      expect(projects.has(p.projectCode), p.projectCode).toBe(true);
      for (const s of p.scores) expect(criterionKeys.has(s.criterionKey)).toBe(true);
      for (const l of p.links) expect(objectiveCodes.has(l.objectiveCode)).toBe(true);
    }
    for (const part of demo.prioritization.participants)
      for (const j of part.judgments) expect(criterionKeys.has(j.a) && criterionKeys.has(j.b)).toBe(true);
    for (const m of demo.meetings) {
      const agendaKeys = new Set(m.agenda.map((a) => a.key));
      for (const a of m.agenda) {
        if (a.ref?.type === "project") expect(projects.has(a.ref.code), a.title).toBe(true);
        if (a.ref?.type === "goal") expect(goalKeys.has(a.ref.key), a.title).toBe(true);
        if (a.ref?.type === "objective") expect(objectiveCodes.has(a.ref.code), a.title).toBe(true);
      }
      const decisionKeys = new Set(m.decisions.map((d) => d.key));
      for (const d of m.decisions) expect(agendaKeys.has(d.agendaKey), d.title).toBe(true);
      for (const a of m.actionItems) if (a.decisionKey) expect(decisionKeys.has(a.decisionKey), a.title).toBe(true);
    }
  });

  it("lists parents before their sub-objectives, with unique codes the API accepts", () => {
    const seen = new Set<string>();
    for (const o of demo.objectives) {
      expect(o.code).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
      expect(o.code.length).toBeLessThanOrEqual(20);
      expect(o.title.length).toBeLessThanOrEqual(200);
      expect(seen.has(o.code)).toBe(false);
      if (o.parentCode) expect(seen.has(o.parentCode)).toBe(true);
      seen.add(o.code);
      expect(o.horizonStart <= o.horizonEnd).toBe(true);
    }
  });

  it("has five weighted organizational objectives with 1–2 sub-objectives each, and two PMO objectives", () => {
    const top = demo.objectives.filter((o) => o.kind === "organizational" && o.parentCode === null);
    expect(top.map((o) => o.weight)).toEqual([30, 25, 20, 15, 10]);
    for (const o of top) {
      const subs = demo.objectives.filter((s) => s.parentCode === o.code).length;
      expect(subs, o.code).toBeGreaterThanOrEqual(1);
      expect(subs, o.code).toBeLessThanOrEqual(2);
      expect(people.get(o.ownerEmail)?.role).toBe("executive");
      expect([o.horizonStart, o.horizonEnd]).toEqual(["2026-01", "2028-12"]);
    }
    const pmoObjectives = demo.objectives.filter((o) => o.kind === "pmo");
    expect(pmoObjectives).toHaveLength(2);
    for (const o of pmoObjectives) expect(people.get(o.ownerEmail)?.role).toBe("pmo");
  });

  it("gives project goals to their project's manager and links PMO goals to PMO objectives", () => {
    const projectGoals = demo.goals.filter((g) => g.level === "project");
    expect(projectGoals).toHaveLength(2);
    for (const g of projectGoals) expect(g.ownerEmail).toBe(projects.get(g.projectCode ?? "")?.managerEmail);
    const pmoGoals = demo.goals.filter((g) => g.level === "pmo");
    expect(pmoGoals).toHaveLength(2);
    for (const g of pmoGoals) {
      expect(g.projectCode).toBeNull();
      expect(demo.objectives.find((o) => o.code === g.objectiveCode)?.kind).toBe("pmo");
    }
    for (const g of demo.goals.filter((x) => x.level !== "project")) expect(g.projectCode).toBeNull();
  });
});

describe("buildStrategyDemo: the board's AHP weighting", () => {
  it("has the three executives as participants, each with a complete, consistent set of judgments on Saaty's scale", () => {
    const { participants } = demo.prioritization;
    expect(participants.map((p) => p.email).sort()).toEqual([...executives].sort());
    const keys = demo.criteria.map((c) => c.key);
    expect(keys).toHaveLength(5);
    const leaders: number[] = [];
    for (const p of participants) {
      expect(p.judgments).toHaveLength(10);
      for (const j of p.judgments) expect(isSaatyValue(j.value), `${j.a}/${j.b}=${j.value}`).toBe(true);
      const index = new Map(keys.map((k, i) => [k, i]));
      const m = matrixFromJudgments(
        keys.length,
        p.judgments.map((j) => ({ i: index.get(j.a) as number, j: index.get(j.b) as number, value: j.value })),
      );
      if (!m.ok) throw new Error(`${p.email}: ${JSON.stringify(m.problems)}`);
      const evaluation = evaluateAhp(m.matrix);
      expect(evaluation.cr, p.email).toBeLessThan(0.1);
      leaders.push(evaluation.weights.indexOf(Math.max(...evaluation.weights)));
    }
    // Different people, different priorities: each weighs a different criterion highest.
    expect(new Set(leaders).size).toBe(3);
  });

  it("names the session and the model after the coming year", () => {
    expect(demo.prioritization.name).toBe("Executive board weighting 2027");
    expect(demo.prioritization.modelNote).toBe("Board weighting 2027");
  });

  it("defines one alignment criterion and four anchored 0–5 scales, risk lower-is-better", () => {
    expect(demo.criteria.map((c) => [c.key, c.source])).toEqual([
      ["strategic_alignment", "alignment"],
      ["financial_return", "scale"],
      ["risk", "scale"],
      ["urgency_compliance", "scale"],
      ["customer_impact", "scale"],
    ]);
    for (const c of demo.criteria.filter((x) => x.source === "scale")) {
      expect(c.levels.map((l) => l.value)).toEqual([0, 1, 2, 3, 4, 5]);
      for (const l of c.levels) expect(l.label.length).toBeLessThanOrEqual(60);
      expect(c.higherIsBetter).toBe(c.key !== "risk");
    }
    expect(demo.criteria[1]?.levels[0]?.label).toBe("< €0.1 M NPV");
    expect(demo.criteria[1]?.levels[5]?.label).toBe("> €5 M NPV");
  });
});

describe("buildStrategyDemo: goals", () => {
  it("are SMART where intended; two are deliberately weaker", () => {
    const verdicts = Object.fromEntries(demo.goals.map((g) => [g.key, smartOf(demo, g, AS_OF)]));
    const weaker = ["customer-satisfaction", "portal-registrations"];
    for (const g of demo.goals.filter((x) => !weaker.includes(x.key)))
      expect(verdicts[g.key]?.overall, `${g.key}: ${JSON.stringify(verdicts[g.key])}`).toBe("pass");
    expect(verdicts["customer-satisfaction"]?.overall).toBe("warn");
    expect(verdicts["customer-satisfaction"]?.S.reasons).toEqual(["scope or population is missing"]);
    expect(verdicts["portal-registrations"]?.overall).toBe("fail");
    expect(verdicts["portal-registrations"]?.R.reasons).toEqual(["not linked to a strategic objective"]);
  });

  it("cover every direction, with baselines in 2025 or early 2026 and targets in 2027–2028", () => {
    expect(demo.goals.length).toBeGreaterThanOrEqual(10);
    expect(new Set(demo.goals.map((g) => g.direction))).toEqual(new Set(["increase", "decrease", "maintain"]));
    for (const g of demo.goals) {
      expect(g.baselineDate >= "2025-01-01" && g.baselineDate <= "2026-03-31", g.key).toBe(true);
      expect(g.targetDate >= "2027-01-01" && g.targetDate <= "2028-12-31", g.key).toBe(true);
      if (g.direction === "maintain") expect(g.tolerance).toBeGreaterThan(0);
      for (const m of g.milestones) expect(m.date > g.baselineDate && m.date < g.targetDate).toBe(true);
    }
  });

  it("check in monthly after the baseline date, never after asOf or the target date", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2029, 11, 31) }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (ms, seed) => {
          const asOf = new Date(ms).toISOString().slice(0, 10);
          const data = buildStrategyDemo({ asOf, seed }, dataset);
          for (const g of data.goals) {
            const dates = g.checkIns.map((c) => c.date);
            expect([...dates].sort()).toEqual(dates);
            expect(new Set(dates).size).toBe(dates.length);
            for (const c of g.checkIns) {
              expect(isIsoDate(c.date)).toBe(true);
              expect(c.date > g.baselineDate && c.date <= asOf && c.date <= g.targetDate).toBe(true);
              expect(Number.isFinite(c.value)).toBe(true);
            }
            if (asOf <= g.baselineDate) expect(g.checkIns).toEqual([]);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("are on track except non-revenue water and on-time delivery, for any seed", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), (seed) => {
        const data = buildStrategyDemo({ asOf: AS_OF, seed }, dataset);
        const statuses = Object.fromEntries(data.goals.map((g) => [g.key, trackingOf(g, AS_OF).status]));
        for (const [key, status] of Object.entries(statuses)) {
          const offTrack = key === "non-revenue-water" || key === "on-time-delivery";
          expect(status, key).toBe(offTrack ? "off_track" : "on_track");
        }
      }),
      { numRuns: 40 },
    );
  });

  it("keep the maintain goal inside its band", () => {
    for (const g of demo.goals.filter((x) => x.direction === "maintain"))
      for (const c of g.checkIns) expect(Math.abs(c.value - g.targetValue)).toBeLessThanOrEqual(g.tolerance ?? 0);
  });
});

describe("buildStrategyDemo: scores and links", () => {
  it("scores every proposed, approved and active project on the four scales, and no other", () => {
    const scaleKeys = demo.criteria.filter((c) => c.source === "scale").map((c) => c.key);
    for (const p of demo.projects) {
      const status = projects.get(p.projectCode)?.status ?? "";
      if (!SCORED_STATUSES.includes(status)) {
        expect(p.scores, p.projectCode).toEqual([]);
        continue;
      }
      expect(p.scores.map((s) => s.criterionKey)).toEqual(scaleKeys);
      for (const s of p.scores) expect(Number.isInteger(s.value) && s.value >= 0 && s.value <= 5).toBe(true);
    }
    expect(demo.projects.filter((p) => p.scores.length > 0)).toHaveLength(32);
    expect(demo.projects.flatMap((p) => p.scores).filter((s) => s.rationale !== "").length).toBeGreaterThanOrEqual(5);
  });

  it("gives transform projects more financial return and risk, run projects more urgency", () => {
    const mean = (category: string, key: string) => {
      const values = demo.projects
        .filter((p) => projects.get(p.projectCode)?.category === category)
        .flatMap((p) => p.scores.filter((s) => s.criterionKey === key).map((s) => s.value));
      return values.reduce((a, b) => a + b, 0) / values.length;
    };
    expect(mean("transform", "financial_return")).toBeGreaterThan(mean("run", "financial_return") + 1);
    expect(mean("transform", "risk")).toBeGreaterThan(mean("run", "risk") + 1);
    expect(mean("run", "urgency_compliance")).toBeGreaterThan(mean("transform", "urgency_compliance") + 1);
  });

  it("links most projects to one or two objectives, leaves four unlinked, and over-funds exactly one objective", () => {
    const live = dataset.projects.filter((p) => p.status !== "cancelled");
    const linksOf = new Map(demo.projects.map((p) => [p.projectCode, p.links]));
    for (const p of demo.projects) {
      expect(p.links.length).toBeLessThanOrEqual(2);
      for (const l of p.links) expect([1, 2, 3]).toContain(l.strength);
      for (const l of p.links)
        expect(demo.objectives.find((o) => o.code === l.objectiveCode)?.parentCode, p.projectCode).toBeNull();
    }
    const unlinked = live.filter((p) => (linksOf.get(p.code) ?? []).length === 0).map((p) => p.code);
    expect(unlinked).toEqual(["DIG-007", "DIG-012", "DIG-014", "CUS-008"]);

    const spend = strategySpend(
      demo.objectives.map((o) => ({ id: o.code, weight: o.weight })),
      live.map((p) => ({
        projectId: p.code,
        budgetCents: totalBudgetCents(p.budget),
        objectives: (linksOf.get(p.code) ?? []).map((l) => ({ objectiveId: l.objectiveCode, strength: l.strength })),
      })),
    );
    expect(spend.unlinkedSpendCents).toBeGreaterThan(0);
    const flagged = spend.objectives.filter((o) => o.flagged);
    expect(flagged.map((o) => o.objectiveId)).toEqual(["SO-5"]);
    expect(flagged[0]?.spendShare).toBeGreaterThan(2 * (flagged[0]?.weightShare ?? 1));
  });
});

describe("buildStrategyDemo: meetings", () => {
  const [review, steering] = demo.meetings;
  if (!review || !steering) throw new Error("expected two meetings");

  it("holds a Q3 portfolio review about two months before asOf and plans the Q1 steering committee about three weeks after", () => {
    expect(review.title).toBe("Q3 portfolio review");
    expect(review.status).toBe("held");
    expect(review.startsAt.slice(0, 10)).toBe("2026-09-24");
    expect(steering.title).toBe("Q1 2027 steering committee");
    expect(steering.status).toBe("planned");
    expect(steering.startsAt.slice(0, 10)).toBe("2026-12-17");
    for (const m of demo.meetings) {
      expect(Number.isNaN(Date.parse(m.startsAt))).toBe(false);
      expect(m.attendees.map((a) => a.email).sort()).toEqual([...executives, ...pmo].sort());
    }
    expect(steering.attendees.every((a) => a.attendance === "invited")).toBe(true);
    expect(steering.decisions).toEqual([]);
    expect(steering.actionItems).toEqual([]);
  });

  it("records an approval of a proposed project, a deferral and a change request on an active one", () => {
    const projectOf = (agendaKey: string) => {
      const ref = review.agenda.find((a) => a.key === agendaKey)?.ref;
      return ref?.type === "project" ? projects.get(ref.code) : undefined;
    };
    const projectRefs = review.agenda.flatMap((a) => (a.ref?.type === "project" ? [a.ref.code] : []));
    expect(new Set(projectRefs).size).toBe(3);
    expect(review.decisions.map((d) => [d.kind, projectOf(d.agendaKey)?.status])).toEqual([
      ["approve", "proposed"],
      ["defer", "proposed"],
      ["change_request", "active"],
    ]);
    for (const d of review.decisions) expect([...d.decidedByEmails].sort()).toEqual([...executives].sort());
  });

  it("leaves one action item overdue and open, and marks actions done only when they were due before asOf", () => {
    const overdue = review.actionItems.filter((a) => a.status === "open" && a.dueDate < AS_OF);
    expect(overdue).toHaveLength(1);
    const done = review.actionItems.filter((a) => a.status === "done");
    expect(done.length).toBeGreaterThanOrEqual(1);
    for (const a of done) expect(a.dueDate < AS_OF).toBe(true);
    for (const a of review.actionItems) expect(a.dueDate > review.startsAt.slice(0, 10)).toBe(true);
  });

  it("stays around asOf for any date: held in the past, planned in the future", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2030, 11, 31) }), (ms) => {
        const asOf = new Date(ms).toISOString().slice(0, 10);
        const [held, planned] = buildStrategyDemo({ asOf }, dataset).meetings;
        expect((held?.startsAt.slice(0, 10) ?? "") < asOf).toBe(true);
        expect((planned?.startsAt.slice(0, 10) ?? "") > asOf).toBe(true);
        const overdue = held?.actionItems.filter((a) => a.status === "open" && a.dueDate < asOf) ?? [];
        expect(overdue).toHaveLength(1);
      }),
      { numRuns: 60 },
    );
  });
});

describe("buildStrategyDemo: determinism and input checks", () => {
  it("gives deep-equal data for the same options and different check-ins for another seed", () => {
    expect(buildStrategyDemo({ asOf: AS_OF }, buildDemoDataset())).toEqual(demo);
    const other = buildStrategyDemo({ asOf: AS_OF, seed: 7 }, dataset);
    expect(other.goals.map((g) => g.checkIns)).not.toEqual(demo.goals.map((g) => g.checkIns));
    expect(other.objectives).toEqual(demo.objectives);
  });

  it("rejects a malformed asOf or seed", () => {
    expect(() => buildStrategyDemo({ asOf: "2026-02-30" }, dataset)).toThrow(RangeError);
    expect(() => buildStrategyDemo({ asOf: "2026-11" }, dataset)).toThrow(RangeError);
    expect(() => buildStrategyDemo({ asOf: AS_OF, seed: 1.5 }, dataset)).toThrow(RangeError);
  });

  it("names a missing person or project", () => {
    const withoutCeo = { ...dataset, people: dataset.people.filter((p) => p.key !== "margit") };
    expect(() => buildStrategyDemo({ asOf: AS_OF }, withoutCeo)).toThrow(/margit/);
    const withoutProject = { ...dataset, projects: dataset.projects.filter((p) => p.code !== "NET-002") };
    expect(() => buildStrategyDemo({ asOf: AS_OF }, withoutProject)).toThrow(/NET-002/);
  });
});

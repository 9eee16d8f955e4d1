import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkProjectPlan, findDependencyCycle, totalBudgetCents } from "../portfolio/project-rules.js";
import { isIsoDate, monthsBetween, periodOf, periodRange } from "../shared/period.js";
import {
  buildDemoDataset,
  createSeededRandom,
  DEFAULT_DEMO_START_PERIOD,
  type DemoDataset,
  type DemoProject,
} from "./demo-dataset.js";

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function dependencyEdges(projects: readonly DemoProject[]): Map<string, string[]> {
  return new Map(projects.map((p) => [p.code, p.dependencies.map((d) => d.dependsOnCode)]));
}

function monthlyTotals(project: DemoProject): number[] {
  const window = periodRange(periodOf(project.plannedStart), periodOf(project.plannedEnd));
  return window.map((period) =>
    project.budget.filter((l) => l.period === period).reduce((s, l) => s + l.amountCents, 0),
  );
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

/** Every check the API applies to project data, plus the dataset's own cross-references. */
function findProblems(data: DemoDataset): string[] {
  const problems: string[] = [];
  const roleKeys = new Set(data.resourceRoles.map((r) => r.key));
  const personByEmail = new Map(data.people.map((p) => [p.email, p]));
  const portfolioKeys = new Set(data.portfolios.map((p) => p.key));
  const programByKey = new Map(data.programs.map((p) => [p.key, p]));
  const categoryKeys = new Set(data.categories.map((c) => c.key));
  const codes = new Set(data.projects.map((p) => p.code));

  if (personByEmail.size !== data.people.length) problems.push("duplicate person email");
  if (new Set(data.people.map((p) => p.key)).size !== data.people.length) problems.push("duplicate person key");
  if (codes.size !== data.projects.length) problems.push("duplicate project code");
  for (const p of data.portfolios) {
    if (!personByEmail.has(p.ownerEmail)) problems.push(`portfolio ${p.key}: unknown owner ${p.ownerEmail}`);
  }
  for (const p of data.programs) {
    if (!portfolioKeys.has(p.portfolioKey)) problems.push(`program ${p.key}: unknown portfolio`);
    if (!personByEmail.has(p.managerEmail)) problems.push(`program ${p.key}: unknown manager`);
  }

  for (const project of data.projects) {
    const at = (message: string) => problems.push(`${project.code}: ${message}`);
    if (!CODE_PATTERN.test(project.code) || project.code.length > 20) at("bad code");
    if (project.name.length === 0 || project.name.length > 200) at("bad name length");
    if (project.description.length === 0) at("empty description");
    if (!portfolioKeys.has(project.portfolioKey)) at("unknown portfolio");
    if (project.programKey !== null) {
      const program = programByKey.get(project.programKey);
      if (!program) at("unknown program");
      else if (program.portfolioKey !== project.portfolioKey) at("program belongs to another portfolio");
    }
    if (!categoryKeys.has(project.category)) at("unknown category");
    if (personByEmail.get(project.sponsorEmail)?.role !== "executive") at("sponsor is not an executive");
    if (personByEmail.get(project.managerEmail)?.role !== "project_manager") at("manager is not a project manager");
    if (project.teamEmails.length < 1 || project.teamEmails.length > 3) at("team size outside 1–3");
    if (new Set(project.teamEmails).size !== project.teamEmails.length) at("duplicate team member");
    for (const e of project.teamEmails) {
      const role = personByEmail.get(e)?.role;
      if (role !== "member" && role !== "project_manager") at(`team member ${e} has role ${role}`);
    }
    for (const d of project.dependencies) {
      if (d.dependsOnCode === project.code) at("depends on itself");
      if (!codes.has(d.dependsOnCode)) at(`depends on unknown ${d.dependsOnCode}`);
    }
    for (const problem of checkProjectPlan(project, roleKeys)) at(`${problem.path} ${problem.message}`);
    for (const line of project.budget) {
      if (!Number.isSafeInteger(line.amountCents) || line.amountCents < 0) at("bad amountCents");
    }
    for (const line of project.demand) {
      if (!(line.hours >= 20 && line.hours <= 400)) at(`demand ${line.hours} h outside 20–400`);
    }
  }
  return problems;
}

describe("buildDemoDataset", () => {
  const data = buildDemoDataset();

  it("describes Northwind Utilities in euros", () => {
    expect(data.organization).toEqual({ name: "Northwind Utilities", currency: "EUR" });
  });

  it("passes every project rule and cross-reference check", () => {
    expect(findProblems(data)).toEqual([]);
  });

  it("has the people a PMO demo needs, with unique lowercase emails", () => {
    expect(countBy(data.people, (p) => p.role)).toEqual({
      admin: 1,
      executive: 3,
      pmo: 3,
      project_manager: 6,
      member: 3,
      benefit_owner: 2,
      viewer: 1,
    });
    expect(data.people.filter((p) => p.role === "executive").map((p) => p.title)).toEqual([
      "Chief Executive Officer",
      "Chief Financial Officer",
      "Chief Operating Officer",
    ]);
    for (const p of data.people) {
      expect(p.email).toMatch(/^[a-z0-9]+\.[a-z0-9]+@northwind\.example$/);
    }
    expect(data.people.find((p) => p.name === "Tomás Herrera")?.email).toBe("tomas.herrera@northwind.example");
    expect(data.people.find((p) => p.name === "Grace O'Neill")?.email).toBe("grace.oneill@northwind.example");
  });

  it("has 6–8 resource roles at 140 hours per FTE month", () => {
    expect(data.resourceRoles.length).toBeGreaterThanOrEqual(6);
    expect(data.resourceRoles.length).toBeLessThanOrEqual(8);
    for (const r of data.resourceRoles) {
      expect(r.key).toMatch(/^[a-z_]+$/);
      expect(r.hoursPerFteMonth).toBe(140);
    }
  });

  it("has 3 portfolios, 4–5 programs, the run/grow/transform categories and 40 projects", () => {
    expect(data.portfolios.map((p) => p.name)).toEqual(["Digital & IT", "Network & Operations", "Customer & Growth"]);
    expect(data.programs.length).toBeGreaterThanOrEqual(4);
    expect(data.programs.length).toBeLessThanOrEqual(5);
    expect(data.categories.map((c) => c.key)).toEqual(["run", "grow", "transform"]);
    expect(data.projects).toHaveLength(40);
  });

  it("mixes statuses and categories like a real portfolio", () => {
    expect(countBy(data.projects, (p) => p.status)).toEqual({
      proposed: 12,
      approved: 6,
      active: 14,
      on_hold: 2,
      closed: 5,
      cancelled: 1,
    });
    expect(countBy(data.projects, (p) => p.category)).toEqual({ run: 16, grow: 14, transform: 10 });
  });

  it("gives every project a lifecycle stage that fits its status", () => {
    const allowed: Record<DemoProject["status"], readonly DemoProject["lifecycleStage"][]> = {
      proposed: ["idea", "business_case"],
      approved: ["business_case", "planning"],
      active: ["planning", "execution"],
      on_hold: ["planning", "execution"],
      closed: ["closure"],
      cancelled: ["idea", "business_case", "planning", "execution"],
    };
    for (const p of data.projects) expect(allowed[p.status], p.code).toContain(p.lifecycleStage);
  });

  it("plans whole months, 4 to 24 months long", () => {
    for (const p of data.projects) {
      expect(isIsoDate(p.plannedStart), p.code).toBe(true);
      expect(isIsoDate(p.plannedEnd), p.code).toBe(true);
      expect(p.plannedStart.endsWith("-01"), p.code).toBe(true);
      const [y, m, d] = p.plannedEnd.split("-").map(Number) as [number, number, number];
      expect(new Date(Date.UTC(y, m - 1, d + 1)).getUTCDate(), `${p.code} ends on a month's last day`).toBe(1);
      expect(p.plannedEnd >= p.plannedStart, p.code).toBe(true);
      const span = monthsBetween(periodOf(p.plannedStart), periodOf(p.plannedEnd));
      expect(span, p.code).toBeGreaterThanOrEqual(4);
      expect(span, p.code).toBeLessThanOrEqual(24);
    }
  });

  it("has a capex and an opex line for every month of the window and nothing outside it", () => {
    for (const p of data.projects) {
      const window = periodRange(periodOf(p.plannedStart), periodOf(p.plannedEnd));
      const expected = window.flatMap((period) => [`${period}/capex`, `${period}/opex`]);
      expect(
        p.budget.map((l) => `${l.period}/${l.expenseType}`),
        p.code,
      ).toEqual(expected);
    }
  });

  it("has demand for 2–4 roles in every month of the window", () => {
    for (const p of data.projects) {
      const window = periodRange(periodOf(p.plannedStart), periodOf(p.plannedEnd));
      const roles = [...new Set(p.demand.map((l) => l.roleKey))];
      expect(roles.length, p.code).toBeGreaterThanOrEqual(2);
      expect(roles.length, p.code).toBeLessThanOrEqual(4);
      for (const role of roles) {
        expect(
          p.demand.filter((l) => l.roleKey === role).map((l) => l.period),
          `${p.code} ${role}`,
        ).toEqual(window);
      }
    }
  });

  it("sizes budgets between €80k and €4M, transform projects largest", () => {
    const averageEuros = (category: string) => {
      const ps = data.projects.filter((p) => p.category === category);
      return ps.reduce((s, p) => s + totalBudgetCents(p.budget), 0) / ps.length / 100;
    };
    for (const p of data.projects) {
      const total = totalBudgetCents(p.budget);
      expect(total, p.code).toBeGreaterThanOrEqual(80_000 * 100);
      expect(total, p.code).toBeLessThanOrEqual(4_000_000 * 100);
    }
    expect(averageEuros("transform")).toBeGreaterThan(averageEuros("grow"));
    expect(averageEuros("transform")).toBeGreaterThan(averageEuros("run"));
  });

  it("ramps spending up to a peak and back down", () => {
    for (const p of data.projects) {
      const totals = monthlyTotals(p);
      const peak = Math.max(...totals);
      expect(totals[0], p.code).toBeLessThan(peak);
      expect(totals[totals.length - 1], p.code).toBeLessThan(peak);
    }
  });

  it("has about 8 dependencies, none on itself, and no cycle", () => {
    const count = data.projects.reduce((s, p) => s + p.dependencies.length, 0);
    expect(count).toBeGreaterThanOrEqual(6);
    expect(count).toBeLessThanOrEqual(10);
    const edges = dependencyEdges(data.projects);
    expect(findDependencyCycle(edges)).toBeUndefined();

    // The same graph with one edge reversed must be reported, so the check above can fail.
    const withCycle = dependencyEdges(data.projects);
    const [from, to] = ["NET-002", "NET-001"];
    expect(withCycle.get(from)).toContain(to);
    withCycle.set(to, [...(withCycle.get(to) ?? []), from]);
    expect(findDependencyCycle(withCycle)).toBeDefined();
  });

  it("starts a finish-to-start successor only after its predecessor's planned end", () => {
    const byCode = new Map(data.projects.map((p) => [p.code, p]));
    for (const p of data.projects) {
      for (const d of p.dependencies.filter((x) => x.kind === "finish_to_start")) {
        const before = byCode.get(d.dependsOnCode);
        expect(before && p.plannedStart > before.plannedEnd, `${p.code} after ${d.dependsOnCode}`).toBe(true);
      }
    }
  });
});

describe("planned windows relative to startPeriod", () => {
  for (const startPeriod of [DEFAULT_DEMO_START_PERIOD, "2031-07"]) {
    it(`places windows around ${startPeriod}`, () => {
      const data = buildDemoDataset({ startPeriod });
      expect(findProblems(data)).toEqual([]);
      for (const p of data.projects) {
        const first = periodOf(p.plannedStart);
        const last = periodOf(p.plannedEnd);
        if (p.status === "closed") expect(last < startPeriod, `${p.code} ended`).toBe(true);
        if (p.status === "active" || p.status === "on_hold") {
          expect(first < startPeriod && last >= startPeriod, `${p.code} under way`).toBe(true);
        }
        if (p.status === "approved") expect(first >= startPeriod, `${p.code} about to start`).toBe(true);
      }
      const proposed = data.projects.filter((p) => p.status === "proposed");
      const future = proposed.filter((p) => periodOf(p.plannedStart) > startPeriod);
      expect(future.length / proposed.length).toBeGreaterThanOrEqual(0.75);
    });
  }

  it("starts the default demo in January 2026", () => {
    const data = buildDemoDataset();
    expect(data.projects.find((p) => p.code === "NET-006")?.plannedStart).toBe("2026-01-01");
  });

  it("rejects a malformed start period or seed", () => {
    expect(() => buildDemoDataset({ startPeriod: "2026-13" })).toThrow(RangeError);
    expect(() => buildDemoDataset({ startPeriod: "January" })).toThrow(RangeError);
    expect(() => buildDemoDataset({ seed: 1.5 })).toThrow(RangeError);
  });
});

describe("determinism", () => {
  it("gives byte-identical output for the same seed", () => {
    const a = buildDemoDataset({ seed: 7 });
    const b = buildDemoDataset({ seed: 7 });
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(buildDemoDataset())).toBe(JSON.stringify(buildDemoDataset()));
  });

  it("varies budgets and hours but not the catalogue with the seed", () => {
    const a = buildDemoDataset({ seed: 1 });
    const b = buildDemoDataset({ seed: 2 });
    expect(b.projects.map((p) => p.budget)).not.toEqual(a.projects.map((p) => p.budget));
    expect(b.projects.map((p) => p.demand)).not.toEqual(a.projects.map((p) => p.demand));
    const catalogue = (d: DemoDataset) => ({
      ...d,
      projects: d.projects.map(({ budget: _b, demand: _d, ...rest }) => rest),
    });
    expect(catalogue(b)).toEqual(catalogue(a));
  });

  it("passes every check for any seed", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), (seed) => {
        expect(findProblems(buildDemoDataset({ seed }))).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});

describe("createSeededRandom", () => {
  it("repeats its sequence for a seed and stays in [0, 1)", () => {
    const a = createSeededRandom(123);
    const b = createSeededRandom(123);
    const xs = Array.from({ length: 10_000 }, () => a());
    expect(Array.from({ length: 10_000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });

  it("gives different sequences for different seeds", () => {
    const a = createSeededRandom(1);
    const b = createSeededRandom(2);
    expect([a(), a(), a()]).not.toEqual([b(), b(), b()]);
  });
});

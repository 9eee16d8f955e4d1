import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canTransition,
  checkProjectPlan,
  findDependencyCycle,
  formatCents,
  PROJECT_STATUSES,
  parseMoneyToCents,
  totalBudgetCents,
} from "./project-rules.js";

const roles = new Set(["developer", "analyst"]);
const plan = {
  plannedStart: "2027-01-15",
  plannedEnd: "2027-03-31",
  budget: [
    { period: "2027-01", expenseType: "opex" as const, amountCents: 100 },
    { period: "2027-03", expenseType: "capex" as const, amountCents: 250 },
  ],
  demand: [{ roleKey: "developer", period: "2027-02", hours: 80 }],
};

describe("checkProjectPlan", () => {
  it("accepts a consistent plan", () => {
    expect(checkProjectPlan(plan, roles)).toEqual([]);
  });

  it("names each problem with its field path", () => {
    const problems = checkProjectPlan(
      {
        plannedStart: "2027-03-01",
        plannedEnd: "2027-02-28",
        budget: [
          { period: "2026-12", expenseType: "opex", amountCents: -5 },
          { period: "2026-12", expenseType: "opex", amountCents: 1.5 },
        ],
        demand: [{ roleKey: "pilot", period: "2027-13", hours: -1 }],
      },
      roles,
    );
    const paths = problems.map((p) => p.path);
    expect(paths).toContain("plannedEnd");
    expect(paths).toContain("budget.0.period");
    expect(paths).toContain("budget.0.amountCents");
    expect(paths).toContain("budget.1.amountCents");
    expect(problems.filter((p) => p.path === "budget.1.period").map((p) => p.message)).toContainEqual(
      expect.stringMatching(/more than once/),
    );
    expect(paths).toContain("demand.0.roleKey");
    expect(paths).toContain("demand.0.period");
    expect(paths).toContain("demand.0.hours");
  });

  it("rejects impossible dates", () => {
    const problems = checkProjectPlan({ ...plan, plannedStart: "2027-02-30" }, roles);
    expect(problems).toEqual([{ path: "plannedStart", message: "must be a date YYYY-MM-DD" }]);
  });

  it("sums the budget", () => {
    expect(totalBudgetCents(plan.budget)).toBe(350);
  });
});

describe("status transitions", () => {
  it("allows the normal life of a project and forbids reopening", () => {
    expect(canTransition("proposed", "approved")).toBe(true);
    expect(canTransition("approved", "active")).toBe(true);
    expect(canTransition("active", "closed")).toBe(true);
    expect(canTransition("closed", "active")).toBe(false);
    expect(canTransition("cancelled", "proposed")).toBe(false);
    expect(canTransition("proposed", "closed")).toBe(false);
  });
  it("always allows staying in the same status", () => {
    for (const s of PROJECT_STATUSES) expect(canTransition(s, s)).toBe(true);
  });
});

describe("findDependencyCycle", () => {
  it("finds a cycle and reports it closed", () => {
    const edges = new Map([
      ["A", ["B"]],
      ["B", ["C"]],
      ["C", ["A"]],
      ["D", ["A"]],
    ]);
    const cycle = findDependencyCycle(edges);
    expect(cycle).toBeDefined();
    expect(cycle?.[0]).toBe(cycle?.[cycle.length - 1]);
    expect(new Set(cycle)).toEqual(new Set(["A", "B", "C"]));
  });

  it("finds a self-loop", () => {
    expect(findDependencyCycle(new Map([["A", ["A"]]]))).toEqual(["A", "A"]);
  });

  it("returns undefined for any DAG (edges only from higher to lower index)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(30), fc.nat(30)), { maxLength: 120 }), (pairs) => {
        const edges = new Map<string, string[]>();
        for (const [a, b] of pairs) {
          if (a === b) continue;
          const [from, to] = a > b ? [a, b] : [b, a];
          edges.set(`n${from}`, [...(edges.get(`n${from}`) ?? []), `n${to}`]);
        }
        expect(findDependencyCycle(edges)).toBeUndefined();
      }),
    );
  });

  it("every reported cycle is made of real edges (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(12), fc.nat(12)), { maxLength: 60 }), (pairs) => {
        const edges = new Map<string, string[]>();
        for (const [a, b] of pairs) edges.set(`n${a}`, [...(edges.get(`n${a}`) ?? []), `n${b}`]);
        const cycle = findDependencyCycle(edges);
        if (!cycle) return;
        for (let i = 0; i + 1 < cycle.length; i++) {
          expect(edges.get(cycle[i] as string)).toContain(cycle[i + 1]);
        }
      }),
    );
  });
});

describe("money parsing", () => {
  it("parses decimal currency amounts to exact cents", () => {
    expect(parseMoneyToCents("1250.5")).toBe(125050);
    expect(parseMoneyToCents("0.07")).toBe(7);
    expect(parseMoneyToCents("-3")).toBe(-300);
    expect(parseMoneyToCents(" 42 ")).toBe(4200);
    expect(parseMoneyToCents("1,200.00")).toBeUndefined();
    expect(parseMoneyToCents("12.345")).toBeUndefined();
    expect(parseMoneyToCents("abc")).toBeUndefined();
  });
  it("round-trips with formatCents (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => {
        expect(parseMoneyToCents(formatCents(cents))).toBe(cents);
      }),
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessDoam } from "../benefits/doam.js";
import { earlyWarning, fitLine, forecastBenefit } from "../benefits/forecast.js";
import { overdueMeasurements } from "../benefits/measurement-schedule.js";
import { generateProfile } from "../benefits/profile.js";
import { type TrackingStatus, trackBenefit } from "../benefits/tracking.js";
import { addMonths, isIsoDate, isPeriod, monthsBetween, periodOf } from "../shared/period.js";
import { type BenefitsDemo, buildBenefitsDemo, type DemoBenefit } from "./benefits-demo.js";
import { buildDemoDataset } from "./demo-dataset.js";
import { buildStrategyDemo } from "./strategy-demo.js";

const TODAY = "2026-11-26";
const dataset = buildDemoDataset();
const strategy = buildStrategyDemo({ asOf: TODAY }, dataset);
const demo = buildBenefitsDemo(dataset, strategy, { today: TODAY });

const people = new Map(dataset.people.map((p) => [p.email, p]));
const projects = new Map(dataset.projects.map((p) => [p.code, p]));
const objectiveCodes = new Set(strategy.objectives.map((o) => o.code));

function demoFor(today: string, seed?: number): BenefitsDemo {
  return buildBenefitsDemo(dataset, buildStrategyDemo({ asOf: today }, dataset), { today, seed });
}

function profileOf(b: DemoBenefit) {
  const generated = generateProfile({
    kind: b.profile.kind,
    baseline: b.baselineValue,
    target: b.targetValue,
    start: b.profile.start,
    end: periodOf(b.targetDate),
    stepAt: b.profile.stepAt,
  });
  if (!generated.ok) throw new Error(`${b.code}: ${JSON.stringify(generated.problems)}`);
  return generated.points;
}

/** The status the register shows: tracking against the profile, turned at risk by the forecast's early warning. */
function statusOf(b: DemoBenefit, today: string): { status: TrackingStatus; earlyWarning: boolean } {
  const benefit = {
    baseline: b.baselineValue,
    target: b.targetValue,
    targetPeriod: periodOf(b.targetDate),
    profile: profileOf(b),
    tolerance: { kind: b.toleranceKind, value: b.toleranceValue },
  };
  const actuals = b.measurements.map((m) => ({ period: m.period, value: m.value }));
  const asOf = periodOf(today);
  const tracking = trackBenefit(benefit, actuals, asOf);
  const forecast = forecastBenefit({ actuals, ...benefit });
  const early =
    forecast.ok &&
    earlyWarning({
      forecast: forecast.value,
      direction: tracking.direction,
      target: b.targetValue,
      tolerance: tracking.toleranceBand,
      latestWithinTolerance: tracking.latestWithinTolerance,
    });
  return {
    status: early ? trackBenefit(benefit, actuals, asOf, { earlyWarning: true }).status : tracking.status,
    earlyWarning: early,
  };
}

function countStatuses(d: BenefitsDemo): Record<TrackingStatus, number> {
  const counts: Record<TrackingStatus, number> = {
    not_started: 0,
    on_track: 0,
    at_risk: 0,
    off_track: 0,
    realized: 0,
    not_realized: 0,
  };
  for (const b of d.benefits) counts[statusOf(b, d.today).status]++;
  return counts;
}

/** Measurements overdue today, as the register schedules them (from the profile's start, once past identified). */
function isOverdue(b: DemoBenefit, today: string): boolean {
  const last = b.measurements.at(-1)?.period ?? null;
  const since = b.status === "identified" ? null : b.profile.start;
  return overdueMeasurements(b.frequency, last, today, since).isOverdue;
}

/** The register's comparison of trends around a corrective action (six measured months either side). */
function trendImproved(b: DemoBenefit, raisedOn: string): boolean | null {
  const month = periodOf(raisedOn);
  const slope = (points: { period: string; value: number }[]) => {
    if (points.length < 3) return null;
    const origin = points[0]!.period;
    return fitLine(points.map((p) => ({ x: monthsBetween(origin, p.period), y: p.value })))?.slope ?? null;
  };
  const before = slope(b.measurements.filter((m) => m.period < month).slice(-6));
  const after = slope(b.measurements.filter((m) => m.period >= month).slice(0, 6));
  if (before === null || after === null) return null;
  const s = b.direction === "decrease" ? -1 : 1;
  return s * after > s * before + 1e-12;
}

describe("buildBenefitsDemo: determinism", () => {
  it("gives deep-equal data for the same options, and other values for another seed", () => {
    expect(buildBenefitsDemo(dataset, strategy, { today: TODAY })).toEqual(demo);
    const other = buildBenefitsDemo(dataset, strategy, { today: TODAY, seed: 7 });
    expect(other.benefits.map((b) => b.code)).toEqual(demo.benefits.map((b) => b.code));
    expect(other.benefits.flatMap((b) => b.measurements.map((m) => m.value))).not.toEqual(
      demo.benefits.flatMap((b) => b.measurements.map((m) => m.value)),
    );
  });

  it("rejects a malformed today or seed", () => {
    expect(() => buildBenefitsDemo(dataset, strategy, { today: "2026-11" })).toThrow(RangeError);
    expect(() => buildBenefitsDemo(dataset, strategy, { today: "2026-02-30" })).toThrow(RangeError);
    expect(() => buildBenefitsDemo(dataset, strategy, { today: TODAY, seed: 1.5 })).toThrow(RangeError);
  });
});

describe("buildBenefitsDemo: the register", () => {
  it("has about sixty benefits with unique codes BEN-001 …, mostly on active, closed and approved projects", () => {
    expect(demo.benefits.length).toBeGreaterThanOrEqual(55);
    expect(demo.benefits.length).toBeLessThanOrEqual(65);
    expect(demo.benefits.map((b) => b.code)).toEqual(
      demo.benefits.map((_, i) => `BEN-${String(i + 1).padStart(3, "0")}`),
    );
    const statuses = demo.benefits.map((b) => projects.get(b.projectCodes[0]!)?.status);
    const delivering = statuses.filter((s) => s === "active" || s === "closed" || s === "approved").length;
    expect(delivering / demo.benefits.length).toBeGreaterThan(0.85);
    for (const code of ["DIG-002", "NET-002", "CUS-001", "NET-001"])
      expect(demo.benefits.filter((b) => b.projectCodes.includes(code)).length, code).toBeGreaterThanOrEqual(2);
  });

  it("refers only to projects, objectives and people that exist, with owners who may record measurements", () => {
    const codes = new Set(demo.benefits.map((b) => b.code));
    for (const b of demo.benefits) {
      expect(b.projectCodes.length, b.code).toBeGreaterThan(0);
      for (const code of b.projectCodes) expect(projects.has(code), `${b.code} ${code}`).toBe(true);
      expect(b.objectives.length, b.code).toBeGreaterThan(0);
      for (const o of b.objectives) {
        expect(objectiveCodes.has(o.code), `${b.code} ${o.code}`).toBe(true);
        expect(o.weight > 0 && o.weight <= 1, b.code).toBe(true);
      }
      expect(b.objectives.reduce((s, o) => s + o.weight, 0)).toBeCloseTo(1, 9);
      expect(["benefit_owner", "pmo", "project_manager"]).toContain(people.get(b.responsibleOwnerEmail)?.role);
      expect(b.accountableOwnerEmail).toBe(projects.get(b.projectCodes[0]!)?.sponsorEmail);
      for (const m of b.measurements) expect(people.has(m.recordedByEmail), b.code).toBe(true);
      if (b.handover) expect(people.has(b.handover.toEmail)).toBe(true);
    }
    const mostlyBenefitOwners = demo.benefits.filter(
      (b) => people.get(b.responsibleOwnerEmail)?.role === "benefit_owner",
    );
    expect(mostlyBenefitOwners.length / demo.benefits.length).toBeGreaterThan(0.5);
    for (const r of demo.risks) {
      expect(codes.has(r.benefitCode)).toBe(true);
      expect(people.has(r.ownerEmail)).toBe(true);
    }
    for (const a of demo.actions) {
      expect(codes.has(a.benefitCode)).toBe(true);
      expect(people.has(a.ownerEmail)).toBe(true);
    }
    for (const c of demo.changes) {
      expect(people.has(c.ownerEmail)).toBe(true);
      for (const code of c.benefitCodes) expect(codes.has(code)).toBe(true);
      for (const code of c.projectCodes) expect(projects.has(code)).toBe(true);
    }
    for (const bc of demo.businessCases) expect(projects.has(bc.projectCode)).toBe(true);
    expect(new Set(demo.categories.map((c) => c.key))).toEqual(new Set(demo.benefits.map((b) => b.category)));
  });

  it("plans a change for every benefit: target ≠ baseline, in the stated direction, after the baseline date", () => {
    for (const b of demo.benefits) {
      expect(b.targetValue, b.code).not.toBe(b.baselineValue);
      expect(b.direction, b.code).toBe(b.targetValue > b.baselineValue ? "increase" : "decrease");
      expect(isIsoDate(b.baselineDate) && isIsoDate(b.targetDate), b.code).toBe(true);
      expect(b.baselineDate < TODAY && TODAY < b.targetDate, b.code).toBe(true);
      expect(b.profile.start >= periodOf(b.baselineDate), b.code).toBe(true);
      if (b.status === "realizing") {
        const since = monthsBetween(periodOf(b.baselineDate), periodOf(TODAY));
        const due = monthsBetween(periodOf(TODAY), periodOf(b.targetDate));
        expect(since, b.code).toBeGreaterThanOrEqual(12);
        expect(since, b.code).toBeLessThanOrEqual(24);
        expect(due, b.code).toBeGreaterThanOrEqual(6);
        expect(due, b.code).toBeLessThanOrEqual(24);
      }
      expect(profileOf(b).at(-1)?.planned, b.code).toBe(b.targetValue);
      if (b.valuePerUnitCents !== null)
        expect(Number.isSafeInteger(b.valuePerUnitCents) && b.valuePerUnitCents > 0).toBe(true);
    }
    const kinds = new Set(demo.benefits.map((b) => b.profile.kind));
    expect(kinds).toEqual(new Set(["linear", "s_curve", "step"]));
    expect(demo.benefits.filter((b) => b.frequency === "quarterly").length).toBeGreaterThanOrEqual(3);
    expect(demo.benefits.filter((b) => b.valuePerUnitCents !== null).length).toBeGreaterThanOrEqual(10);
  });

  it("passes the DOAM test: described, observable, attributable and measurable", () => {
    for (const b of demo.benefits) {
      const doam = assessDoam({
        title: b.title,
        description: b.description,
        beneficiaries: b.beneficiaries,
        measure: {
          kpiName: b.kpiName,
          unit: b.unit,
          method: b.method,
          dataSource: b.dataSource,
          frequency: b.frequency,
        },
        baseline: { value: b.baselineValue, date: b.baselineDate },
        target: { value: b.targetValue, date: b.targetDate },
        direction: b.direction,
        enablingProjectCount: b.projectCodes.length,
        attributionNote: b.attributionNote,
        businessChangeDescribed: b.businessChange.trim().length > 0,
      });
      expect(
        doam.tests.flatMap((t) => t.reasons),
        b.code,
      ).toEqual([]);
      expect(b.description.length, b.code).toBeGreaterThanOrEqual(40);
    }
  });
});

describe("buildBenefitsDemo: measurements", () => {
  it("runs monthly or quarterly from the baseline month to last month, two years for the oldest", () => {
    const thisMonth = periodOf(TODAY);
    for (const b of demo.benefits) {
      if (b.status === "identified") {
        expect(b.measurements, b.code).toEqual([]);
        continue;
      }
      const periods = b.measurements.map((m) => m.period);
      expect(periods[0], b.code).toBe(periodOf(b.baselineDate));
      expect(b.measurements[0]?.value, b.code).toBe(b.baselineValue);
      for (const [i, p] of periods.entries()) {
        expect(isPeriod(p) && p < thisMonth, `${b.code} ${p}`).toBe(true);
        if (i > 0) {
          const gap = monthsBetween(periods[i - 1]!, p);
          expect(gap, `${b.code} ${p}`).toBeGreaterThan(0);
          expect(gap, `${b.code} ${p}`).toBeLessThanOrEqual(b.frequency === "monthly" ? 1 : 3);
        }
      }
      for (const m of b.measurements) {
        expect(Number.isFinite(m.value) && m.value >= 0, b.code).toBe(true);
        expect(m.measuredOn >= b.baselineDate && m.measuredOn <= TODAY, `${b.code} ${m.period}`).toBe(true);
      }
    }
    const twoYears = demo.benefits.filter((b) => b.frequency === "monthly" && b.measurements.length >= 24);
    expect(twoYears.length).toBeGreaterThanOrEqual(5);
    const total = demo.benefits.reduce((s, b) => s + b.measurements.length, 0);
    expect(total).toBeGreaterThan(600);
  });

  it("leaves one or two benefits with an overdue measurement, and no other", () => {
    const overdue = demo.benefits.filter((b) => isOverdue(b, TODAY));
    expect(overdue.length).toBeGreaterThanOrEqual(1);
    expect(overdue.length).toBeLessThanOrEqual(2);
    for (const b of overdue) expect(b.status).toBe("realizing");
  });

  it("is recorded by the responsible owner, and by the operational owner after a hand-over", () => {
    const handedOver = demo.benefits.filter((b) => b.handover);
    expect(handedOver.length).toBeGreaterThanOrEqual(5);
    for (const b of demo.benefits) {
      const closed = b.projectCodes.every((c) => projects.get(c)?.status === "closed");
      expect(b.handover !== null, b.code).toBe(closed);
      const h = b.handover;
      for (const m of b.measurements) {
        const expected = h && m.period >= periodOf(h.handedOverOn) ? h.toEmail : b.responsibleOwnerEmail;
        expect(m.recordedByEmail, `${b.code} ${m.period}`).toBe(expected);
      }
      if (!h) continue;
      expect(b.projectCodes).toContain(h.projectCode);
      expect(h.toEmail).not.toBe(b.responsibleOwnerEmail);
      expect(h.handedOverOn > b.baselineDate && h.handedOverOn <= TODAY).toBe(true);
      expect(h.remainingValue).toBeGreaterThanOrEqual(0);
    }
  });
});

describe("buildBenefitsDemo: the status mix", () => {
  it("looks like a real portfolio today: mostly on track, some at risk or off track, a few realized early", () => {
    const counts = countStatuses(demo);
    expect(counts.on_track).toBeGreaterThanOrEqual(30);
    expect(counts.at_risk + counts.off_track).toBeGreaterThanOrEqual(5);
    expect(counts.at_risk).toBeGreaterThanOrEqual(3);
    expect(counts.off_track).toBeGreaterThanOrEqual(3);
    expect(counts.realized).toBeGreaterThanOrEqual(2);
    expect(counts.not_realized).toBe(0);
    const started = demo.benefits.length - counts.not_started;
    expect(counts.on_track / started).toBeGreaterThan(0.6);
    expect(counts.on_track / started).toBeLessThan(0.8);
    // At least two benefits are at risk only by the early warning: within tolerance, forecast short.
    const early = demo.benefits.filter(
      (b) => statusOf(b, TODAY).earlyWarning && statusOf(b, TODAY).status === "at_risk",
    );
    expect(early.length).toBeGreaterThanOrEqual(2);
    // On track means the trend gives the target at least even odds: no "unlikely" warning on those.
    for (const b of demo.benefits.filter((x) => statusOf(x, TODAY).status === "on_track")) {
      const forecast = forecastBenefit({
        actuals: b.measurements.map((m) => ({ period: m.period, value: m.value })),
        baseline: b.baselineValue,
        target: b.targetValue,
        targetPeriod: periodOf(b.targetDate),
      });
      if (forecast.ok) expect(forecast.probability, b.code).toBeGreaterThanOrEqual(0.5);
    }
    // Not started: the benefits of approved and proposed projects, whose realization starts after delivery.
    for (const b of demo.benefits.filter((x) => x.status !== "realizing"))
      expect(statusOf(b, TODAY).status, b.code).toBe("not_started");
  });

  it("keeps that mix whenever the demo is loaded, for any seed", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2031, 11, 31) }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (ms, seed) => {
          const today = new Date(ms).toISOString().slice(0, 10);
          const d = demoFor(today, seed);
          const counts = countStatuses(d);
          expect(counts.on_track, today).toBeGreaterThanOrEqual(30);
          expect(counts.at_risk + counts.off_track, today).toBeGreaterThanOrEqual(5);
          expect(counts.realized, today).toBeGreaterThanOrEqual(2);
          const overdue = d.benefits.filter((b) => isOverdue(b, today)).length;
          expect(overdue >= 1 && overdue <= 2, today).toBe(true);
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe("buildBenefitsDemo: governance", () => {
  const byCode = new Map(demo.benefits.map((b) => [b.code, b]));

  it("raises risks with a probability and an impact, mostly open", () => {
    expect(demo.risks.length).toBeGreaterThanOrEqual(4);
    for (const r of demo.risks) {
      expect(r.probability > 0 && r.probability <= 1).toBe(true);
      expect(r.impactPct > 0 && r.impactPct <= 100).toBe(true);
      if (r.proximity !== null) expect(r.proximity > TODAY).toBe(true);
    }
    expect(demo.risks.filter((r) => r.status === "open").length).toBeGreaterThan(demo.risks.length / 2);
  });

  it("has two past-due corrective actions: the trend improved after one and not after the other", () => {
    const past = demo.actions.filter((a) => a.dueDate < TODAY);
    expect(past).toHaveLength(2);
    const effects = past.map((a) => trendImproved(byCode.get(a.benefitCode)!, a.raisedOn));
    expect(effects.sort()).toEqual([false, true]);
    const done = past.find((a) => a.status === "done")!;
    expect(trendImproved(byCode.get(done.benefitCode)!, done.raisedOn)).toBe(true);
    expect(done.closedOn !== null && done.closedOn > done.raisedOn && done.closedOn <= TODAY).toBe(true);
    const overdue = past.find((a) => a.status !== "done")!;
    expect(statusOf(byCode.get(overdue.benefitCode)!, TODAY).status).toBe("off_track");
    for (const a of demo.actions) {
      expect(a.raisedOn <= a.dueDate && a.raisedOn <= TODAY, a.title).toBe(true);
      if (a.status === "open") expect(a.dueDate > TODAY, a.title).toBe(true);
      if (a.status !== "done") expect(a.closedOn).toBeNull();
    }
  });

  it("groups benefits under three to five business changes, each with an owner and enabling projects", () => {
    expect(demo.changes.length).toBeGreaterThanOrEqual(3);
    expect(demo.changes.length).toBeLessThanOrEqual(5);
    for (const c of demo.changes) {
      expect(c.benefitCodes.length).toBeGreaterThan(0);
      for (const code of c.benefitCodes)
        expect(
          byCode.get(code)!.projectCodes.some((p) => c.projectCodes.includes(p)),
          `${c.label} ${code}`,
        ).toBe(true);
    }
  });

  it("has business cases for about eight projects, with yearly flows in whole thousands of euros", () => {
    expect(demo.businessCases.length).toBeGreaterThanOrEqual(6);
    expect(demo.businessCases.length).toBeLessThanOrEqual(10);
    for (const bc of demo.businessCases) {
      const years = bc.flows.map((f) => f.year);
      expect(new Set(years).size).toBe(years.length);
      expect(Math.min(...years)).toBe(bc.firstYear);
      for (const f of bc.flows) {
        expect(f.costsCents % 100_000).toBe(0);
        expect(f.benefitsCents % 100_000).toBe(0);
        expect(f.costsCents >= 0 && f.benefitsCents >= 0).toBe(true);
      }
      expect(
        bc.flows.reduce((s, f) => s + f.benefitsCents, 0),
        bc.projectCode,
      ).toBeGreaterThan(0);
      expect(
        bc.flows.reduce((s, f) => s + f.costsCents, 0),
        bc.projectCode,
      ).toBeGreaterThan(0);
      expect(bc.discountRate > 0 && bc.discountRate < 0.2).toBe(true);
    }
  });

  it("dates everything relative to today", () => {
    const later = demoFor(addMonths(periodOf(TODAY), 5).concat("-26"));
    const shift = (d: string) => monthsBetween(periodOf(d), periodOf(later.today));
    expect(later.benefits.map((b) => shift(b.baselineDate))).toEqual(
      demo.benefits.map((b) => monthsBetween(periodOf(b.baselineDate), periodOf(TODAY))),
    );
  });
});

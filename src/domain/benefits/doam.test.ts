import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessDoam, DOAM_TESTS, type DoamBenefitInput, type DoamTest } from "./doam.js";

/** A benefit that passes every test. */
function makeBenefit(overrides: DoamBenefitInput = {}): DoamBenefitInput {
  return {
    title: "Faster invoice approval",
    description: "Invoices are approved in the ERP workflow instead of by email, so suppliers are paid on time.",
    beneficiaries: "accounts payable clerks and suppliers",
    measure: {
      kpiName: "Invoice approval time",
      unit: "days",
      method: "median days from receipt to approval, per month",
      dataSource: "ERP workflow log",
      frequency: "monthly",
    },
    baseline: { value: 12, date: "2026-01-31" },
    target: { value: 4, date: "2026-12-31" },
    direction: "decrease",
    enablingProjectCount: 1,
    attributionNote:
      "Headcount changes in accounts payable also move the KPI; compared with the unaffected subsidiary.",
    businessChangeDescribed: true,
    ...overrides,
  };
}

const reasonsOf = (benefit: DoamBenefitInput, test: DoamTest) =>
  assessDoam(benefit).tests.find((t) => t.test === test)!;

describe("assessDoam: a complete benefit", () => {
  it("passes every test with no reasons", () => {
    expect(assessDoam(makeBenefit())).toEqual({
      tests: DOAM_TESTS.map((test) => ({ test, pass: true, reasons: [] })),
      pass: true,
    });
  });

  it("accepts numbers as text, as the form sends them", () => {
    expect(
      assessDoam(
        makeBenefit({
          baseline: { value: " 12.5 ", date: "2026-01-31" },
          target: { value: "4e0", date: "2026-12-31" },
        }),
      ).pass,
    ).toBe(true);
  });

  it("does not check the business change when it is not tracked", () => {
    expect(assessDoam(makeBenefit({ businessChangeDescribed: undefined })).pass).toBe(true);
  });
});

describe("Described", () => {
  const described = (o: DoamBenefitInput) => reasonsOf(makeBenefit(o), "described");

  it("fails without a title, or with one under 8 characters", () => {
    expect(described({ title: "  " })).toEqual({
      test: "described",
      pass: false,
      reasons: ['The benefit has no title. Name the improvement in a few words, such as "Faster invoice approval".'],
    });
    expect(described({ title: "Faster" }).reasons).toEqual([
      'The title is shorter than 8 characters. Say what improves, such as "Faster invoice approval".',
    ]);
    expect(described({ title: "Faster 1" }).pass).toBe(true);
  });

  it("fails without a description, or with one too short to say what changes for whom", () => {
    expect(described({ description: null }).reasons).toEqual([
      "The benefit has no description. Describe what changes, and for whom, once the projects deliver.",
    ]);
    expect(described({ description: "Quicker approvals." }).reasons).toEqual([
      "The description is shorter than 40 characters, too short to say what changes and for whom.",
    ]);
  });

  it("fails without beneficiaries", () => {
    expect(described({ beneficiaries: "" }).reasons).toEqual([
      'The benefit does not say who gains from it. Name the beneficiaries, such as "accounts payable clerks".',
    ]);
  });
});

describe("Observable", () => {
  it("fails without a KPI name, a data source or a method, listing each", () => {
    const o = reasonsOf(makeBenefit({ measure: { unit: "days", frequency: "monthly" } }), "observable");
    expect(o).toEqual({
      test: "observable",
      pass: false,
      reasons: [
        'The benefit has no KPI. Name the indicator that shows the change, such as "Invoice approval time".',
        "The KPI has no data source. Say where its values come from, such as the ERP's workflow log.",
        'The KPI has no measurement method. Say how a value is obtained, such as "median days from receipt to approval, per month".',
      ],
    });
  });
});

describe("Attributable", () => {
  const attributable = (o: DoamBenefitInput) => reasonsOf(makeBenefit(o), "attributable");

  it("fails without an enabling project", () => {
    for (const enablingProjectCount of [0, null, undefined, Number.NaN])
      expect(attributable({ enablingProjectCount }).reasons).toEqual([
        "No project enables this benefit. Link at least one project whose outputs make the change possible.",
      ]);
  });

  it("fails without a note on other contributors", () => {
    expect(attributable({ attributionNote: undefined }).reasons).toEqual([
      "Other contributors are not addressed. Note what else could move the KPI (other initiatives, the market, the season) and how this benefit's share is told apart.",
    ]);
  });

  it("fails when the business change is known not to be described", () => {
    expect(attributable({ businessChangeDescribed: false }).reasons).toEqual([
      "The business change is not described. Describe how the business will work differently to turn the project outputs into the benefit.",
    ]);
  });
});

describe("Measurable", () => {
  const measurable = (o: DoamBenefitInput) => reasonsOf(makeBenefit(o), "measurable");
  const measure = makeBenefit().measure!;

  it("fails without a unit or a frequency, or with an unknown frequency", () => {
    expect(measurable({ measure: { ...measure, unit: null, frequency: undefined } }).reasons).toEqual([
      "The KPI has no unit. Add one, such as days, % or EUR per month.",
      "The KPI has no measurement frequency. Choose monthly, quarterly, semiannual or annual.",
    ]);
    expect(measurable({ measure: { ...measure, frequency: "weekly" } }).reasons).toEqual([
      "The measurement frequency must be monthly, quarterly, semiannual or annual.",
    ]);
  });

  it("fails without baseline and target values and dates", () => {
    expect(measurable({ baseline: null, target: {} }).reasons).toEqual([
      "The baseline value is missing. Enter the KPI's value before the change.",
      "The baseline date is missing. Enter the date the baseline was measured.",
      "The target value is missing. Enter the KPI's value once the benefit is realized.",
      "The target date is missing. Enter the date by which the target should be reached.",
    ]);
  });

  it("tells malformed values and dates from missing ones", () => {
    expect(
      measurable({ baseline: { value: "twelve", date: "2026-02-30" }, target: { value: "4 days", date: "31/12/2026" } })
        .reasons,
    ).toEqual([
      "The baseline value is not a number. Enter it as a number, such as 12.5.",
      "The baseline date is not a valid date. Enter it as YYYY-MM-DD.",
      "The target value is not a number. Enter it as a number, such as 12.5.",
      "The target date is not a valid date. Enter it as YYYY-MM-DD.",
    ]);
  });

  it("fails when the target date is not after the baseline date", () => {
    expect(measurable({ target: { value: 4, date: "2026-01-31" } }).reasons).toEqual([
      "The target date is not after the baseline date 2026-01-31. Set a later target date.",
    ]);
  });

  it("fails when the target equals the baseline", () => {
    expect(measurable({ target: { value: "12", date: "2026-12-31" } }).reasons).toEqual([
      "The target equals the baseline, so there is no change to realize. Set a different target.",
    ]);
  });

  it("fails when a given direction contradicts baseline and target", () => {
    expect(measurable({ direction: "increase" }).reasons).toEqual([
      "The benefit should increase the KPI, but the target is below the baseline. Check both values.",
    ]);
    expect(measurable({ direction: "decrease", target: { value: 20, date: "2026-12-31" } }).reasons).toEqual([
      "The benefit should decrease the KPI, but the target is above the baseline. Check both values.",
    ]);
    expect(measurable({ direction: "maintain" }).reasons).toEqual(["The direction must be increase or decrease."]);
    expect(measurable({ direction: null }).pass).toBe(true);
  });
});

describe("assessDoam: any input", () => {
  it("never throws, and passes overall exactly when every test passes", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const a = assessDoam(input as DoamBenefitInput);
        expect(a.tests.map((t) => t.test)).toEqual([...DOAM_TESTS]);
        expect(a.pass).toBe(a.tests.every((t) => t.pass));
        for (const t of a.tests) expect(t.pass).toBe(t.reasons.length === 0);
      }),
    );
  });

  it("fails every test for an empty benefit", () => {
    const a = assessDoam(null);
    expect(a.pass).toBe(false);
    expect(a.tests.every((t) => !t.pass)).toBe(true);
  });
});

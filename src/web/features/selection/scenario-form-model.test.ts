import { describe, expect, test } from "vitest";
import {
  fillAllMonths,
  formMonths,
  isDirty,
  scenarioToForm,
  sentCandidateIds,
  toUpdateBody,
  withHorizon,
} from "./scenario-form-model.js";
import type { Scenario } from "./types.js";

const A = "0190a000-0000-7000-8000-00000000000a";
const B = "0190a000-0000-7000-8000-00000000000b";

/** A scenario as the API sends it; the constraint keys deliberately in another order than the form builds them. */
function scenario(overrides: Partial<Scenario> = {}): Scenario {
  return {
    id: "s1",
    portfolioId: "p1",
    portfolioName: "Network",
    name: "Growth",
    description: "",
    firstMonth: "2027-01",
    horizonMonths: 3,
    valueSource: "priority",
    status: "draft",
    committedAt: null,
    createdAt: "2026-11-01T00:00:00Z",
    updatedAt: "2026-11-01T00:00:00Z",
    version: 4,
    latestRun: null,
    capacityUnit: "hours",
    candidateStatuses: ["proposed", "approved", "active"],
    lockActive: true,
    startFlexMonths: 0,
    constraints: {
      maxProjects: null,
      balance: [],
      dependencies: [],
      exclusionGroups: [],
      capacity: [{ roleKey: "dev", byMonth: [160, null] }],
      opexTotalCents: null,
      opexByMonthCents: [],
      capexTotalCents: null,
      capexByMonthCents: [],
      budgetTotalCents: 500_000_00,
      budgetByMonthCents: [100_000_00, null, 100_000_00],
    },
    candidateSettings: [
      { projectId: A, mandatory: true, excluded: false, earliestStart: null, latestStart: null, customValue: null },
    ],
    solver: { explain: true, gapPct: 0.01, timeLimitSeconds: 30 },
    months: ["2027-01", "2027-02", "2027-03"],
    candidates: [],
    roles: [
      { key: "dev", name: "Developer", hoursPerFteMonth: 160 },
      { key: "ux", name: "Designer", hoursPerFteMonth: 160 },
    ],
    categories: [],
    objectives: [],
    committedRunId: null,
    commitDecisionId: null,
    permissions: { edit: true, solve: true, commit: true },
    ...overrides,
  };
}

describe("the scenario form model", () => {
  test("a scenario loaded into the form is not dirty, whatever order the API's keys come in", () => {
    const s = scenario();
    const form = scenarioToForm(s);
    expect(form.money.budgetByMonthCents).toEqual(["100000.00", "", "100000.00"]);
    expect(form.capacity).toEqual({ dev: ["160", "", ""], ux: ["", "", ""] });
    expect(isDirty(form, s)).toBe(false);
    expect(toUpdateBody(form, s)).toEqual({ body: { version: 4 }, problems: {}, changed: 0 });
  });

  test("only changed fields are sent, money as cents without trailing empty months", () => {
    const s = scenario();
    const form = scenarioToForm(s);
    form.valueSource = "custom";
    form.money.budgetByMonthCents = ["90000", "90000.5", ""];
    form.candidates[B] = {
      projectId: B,
      mandatory: false,
      excluded: false,
      earliestStart: null,
      latestStart: null,
      customValue: 7,
    };
    const { body, problems, changed } = toUpdateBody(form, s);
    expect(problems).toEqual({});
    expect(changed).toBe(3);
    expect(Object.keys(body).sort()).toEqual(["candidates", "constraints", "valueSource", "version"]);
    expect(body.constraints?.budgetByMonthCents).toEqual([90_000_00, 90_000_50]);
    expect(body.constraints?.capacity).toEqual([{ roleKey: "dev", byMonth: [160] }]);
    expect(body.candidates?.map((c) => c.projectId)).toEqual([A, B]);
  });

  test("a setting back at its defaults is dropped from the list sent", () => {
    const s = scenario();
    const form = scenarioToForm(s);
    form.candidates[A] = { ...(form.candidates[A] as NonNullable<(typeof form.candidates)[string]>), mandatory: false };
    expect(sentCandidateIds(form)).toEqual([]);
    expect(toUpdateBody(form, s).body.candidates).toEqual([]);
  });

  test("values that cannot be read are problems on the API's paths, and nothing is sent", () => {
    const s = scenario();
    const form = scenarioToForm(s);
    form.money.capexByMonthCents = ["", "12,5x", ""];
    form.capacity.ux = ["", "-3", ""];
    form.horizonMonths = "";
    const { problems } = toUpdateBody(form, s);
    expect(problems).toEqual({
      "constraints.capexByMonthCents.1": "must be an amount like 1250 or 1250.50",
      // ux is the second role with a value, so the second entry of the list sent.
      "constraints.capacity.1.byMonth.1": "must be at least 0",
      horizonMonths: "must be a whole number from 1 to 120",
    });
    expect(isDirty(form, s)).toBe(true);
  });

  test("moving the first month keeps each value in its calendar month", () => {
    const form = scenarioToForm(scenario());
    const moved = withHorizon(form, "2027-02", 4);
    expect(formMonths(moved)).toEqual(["2027-02", "2027-03", "2027-04", "2027-05"]);
    expect(moved.money.budgetByMonthCents).toEqual(["", "100000.00", "", ""]);
    expect(moved.capacity.dev).toEqual(["", "", "", ""]);
    // While the month is being typed the series stay as they are.
    expect(withHorizon(form, "2027-", 3).money.budgetByMonthCents).toEqual(form.money.budgetByMonthCents);
  });

  test("fill all months copies the first value given", () => {
    expect(fillAllMonths(["", "50", "", "70"])).toEqual(["50", "50", "50", "50"]);
    expect(fillAllMonths(["", ""])).toEqual(["", ""]);
  });
});

import { describe, expect, test } from "vitest";
import { emptyGoalForm, goalToForm, toCreateGoalBody, toSmartInput, toUpdateGoalBody } from "./goal-form-model.js";
import type { Goal } from "./types.js";

describe("the goal form model", () => {
  test("numbers typed as text are sent as numbers, empty ones as null, bad ones as problems on the API's paths", () => {
    const values = emptyGoalForm({
      title: "Raise NPS",
      baselineValue: "32",
      targetValue: "4x",
      milestones: [{ key: "m1", date: "", value: "abc" }],
    });
    const { body, problems } = toCreateGoalBody(values);
    expect(body.baselineValue).toBe(32);
    expect(body.targetValue).toBeNull();
    expect(body.tolerance).toBeNull();
    expect(problems).toEqual({
      targetValue: "enter a number, such as 40 or 12.5",
      "milestones.0.value": "enter a number, such as 40 or 12.5",
      "milestones.0.date": "is required",
    });
  });

  test("a project goal must name its project; other levels never send one", () => {
    expect(toCreateGoalBody(emptyGoalForm({ level: "project" })).problems.projectId).toBeDefined();
    expect(toCreateGoalBody(emptyGoalForm({ level: "pmo", projectId: "p1" })).body.projectId).toBeNull();
  });

  test("an edit sends the version and only what changed", () => {
    const goal = {
      ...toCreateGoalBody(emptyGoalForm({ title: "Raise NPS", baselineValue: "32", ownerId: "u1" })).body,
      id: "g1",
      version: 4,
    } as unknown as Goal;
    const values = goalToForm(goal);
    expect(toUpdateGoalBody(values, goal)).toMatchObject({ body: { version: 4 }, changed: 0 });
    const { body, changed } = toUpdateGoalBody({ ...values, title: "Raise NPS to 45" }, goal);
    expect(changed).toBe(1);
    expect(body).toEqual({ version: 4, title: "Raise NPS to 45" });
  });

  test("the SMART check reads the form as it stands", () => {
    const input = toSmartInput(emptyGoalForm({ title: "T", baselineValue: "3", ownerId: "u1" }));
    expect(input).toMatchObject({ title: "T", baseline: { value: "3", date: "" }, owner: "u1" });
  });
});

import type { TestApp, TestUser } from "./app.js";

let seq = 0;
const next = () => {
  seq += 1;
  return seq;
};

/** Creates a portfolio through the API and returns its JSON. */
export async function makePortfolio(t: TestApp, user: TestUser = t.admin, overrides: Record<string, unknown> = {}) {
  const res = await t.call(user, "POST", "/api/v1/portfolios", { name: `Portfolio ${next()}`, ...overrides });
  if (res.statusCode !== 201) throw new Error(`makePortfolio: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; name: string; version: number };
}

/** A valid project body; pass overrides for the fields a test cares about. */
export function projectBody(portfolioId: string, overrides: Record<string, unknown> = {}) {
  const n = next();
  return {
    code: `P-${n}`,
    name: `Project ${n}`,
    description: "Replace the billing engine",
    portfolioId,
    category: "grow",
    plannedStart: "2027-01-01",
    plannedEnd: "2027-06-30",
    budget: [
      { period: "2027-01", expenseType: "opex", amountCents: 1_000_000 },
      { period: "2027-02", expenseType: "capex", amountCents: 2_500_000 },
    ],
    demand: [{ roleKey: "developer", period: "2027-01", hours: 120 }],
    ...overrides,
  };
}

export async function makeProject(
  t: TestApp,
  portfolioId: string,
  overrides: Record<string, unknown> = {},
  user: TestUser = t.admin,
) {
  const res = await t.call(user, "POST", "/api/v1/projects", projectBody(portfolioId, overrides));
  if (res.statusCode !== 201) throw new Error(`makeProject: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; code: string; name: string; version: number; [k: string]: unknown };
}

/**
 * Presents a scenario analysis in the executives' terms: project codes and names, YYYY-MM months,
 * money in cents, and each constraint, relaxation and shadow price as a sentence.
 */
import {
  buildSelectionModel,
  type Relaxation,
  type SelectionRowKind,
} from "../../../domain/selection/selection-model.js";
import { addMonths } from "../../../domain/shared/period.js";
import type { BindingConstraint, ScenarioAnalysis, ShadowPrice } from "./analysis.types.js";
import { type AssembledScenario, toCents } from "./scenario-inputs.js";
import type { RunResult } from "./selection.schema.js";

export interface PresentContext {
  assembled: AssembledScenario;
  currency: string;
  capacityUnit: "hours" | "fte";
  roleNames: ReadonlyMap<string, string>;
  categoryNames: ReadonlyMap<string, string>;
  objectiveNames: ReadonlyMap<string, string>;
  budgetTotalCents: number | null;
}

const MONEY_KINDS = new Set<SelectionRowKind>([
  "budget",
  "capex",
  "opex",
  "budget_total",
  "capex_total",
  "opex_total",
  "balance_min",
  "balance_max",
]);

export function formatMoney(cents: number, currency: string): string {
  const amount = cents / 100;
  try {
    return new Intl.NumberFormat("en", {
      style: "currency",
      currency,
      notation: Math.abs(amount) >= 10_000 ? "compact" : "standard",
      minimumFractionDigits: 0,
      maximumFractionDigits: Math.abs(amount) >= 10_000 ? 2 : 0,
    }).format(amount);
  } catch {
    return `${amount.toFixed(0)} ${currency}`;
  }
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export function presentRun(analysis: ScenarioAnalysis, ctx: PresentContext): RunResult {
  const { assembled } = ctx;
  const { months } = assembled;
  const candidateOf = new Map(assembled.candidates.map((c) => [c.projectId, c]));
  const projectOf = new Map(assembled.scenario.projects.map((p) => [p.id, p]));
  const codeOf = (id: string) => candidateOf.get(id)?.code ?? id;
  const monthOf = (m: number | undefined) => (m === undefined ? null : (months[m] ?? null));
  const unit = ctx.capacityUnit === "fte" ? "FTE" : "hours";
  const roleName = (key: string | undefined) => (key ? (ctx.roleNames.get(key) ?? key) : "");

  // Row metadata by model name (dependency ends, balance rules, exclusion groups) for the wording.
  const built = buildSelectionModel(assembled.scenario);
  const metaOf = new Map(built.ok ? built.model.constraints.map((r) => [r.name, r.meta]) : []);
  const balanceLabel = (rule: { dimension: string; key: string } | undefined) =>
    !rule
      ? "a group"
      : rule.dimension === "category"
        ? `category ${ctx.categoryNames.get(rule.key) ?? rule.key}`
        : `objective ${ctx.objectiveNames.get(rule.key) ?? rule.key}`;
  const describe = (
    kind: SelectionRowKind,
    constraint: string,
    month?: number,
    role?: string,
    project?: string,
  ): string => {
    const inMonth = month === undefined ? "" : ` in ${monthOf(month)}`;
    const meta = metaOf.get(constraint);
    switch (kind) {
      case "budget":
        return `Budget${inMonth}`;
      case "capex":
        return `Capex budget${inMonth}`;
      case "opex":
        return `Opex budget${inMonth}`;
      case "budget_total":
        return "Total budget";
      case "capex_total":
        return "Total capex budget";
      case "opex_total":
        return "Total opex budget";
      case "capacity":
        return `${roleName(role)} capacity${inMonth}`;
      case "max_projects":
        return "Maximum number of projects";
      case "mandatory":
        return `${project ? codeOf(project) : "A project"} is mandatory`;
      case "exclusion":
        return `Only one of group ${meta?.group ?? constraint.replace(/^excl_/, "")}`;
      case "dependency":
        return meta?.project && meta.requires
          ? `${codeOf(meta.project)} needs ${codeOf(meta.requires)}`
          : `Dependency ${constraint}`;
      case "dependency_timing":
        return meta?.project && meta.requires
          ? `${codeOf(meta.project)} starts after ${codeOf(meta.requires)} ends`
          : `Dependency ${constraint}`;
      case "balance_min":
        return `Minimum share of ${balanceLabel(meta?.rule)}`;
      case "balance_max":
        return `Maximum share of ${balanceLabel(meta?.rule)}`;
      default:
        return constraint;
    }
  };
  const amountOf = (kind: SelectionRowKind, amount: number) =>
    MONEY_KINDS.has(kind) ? toCents(amount) : round(amount, 2);
  const limitOf = (kind: SelectionRowKind, limit: number) => (MONEY_KINDS.has(kind) ? toCents(limit) : round(limit, 4));

  const relaxation = (r: Relaxation) => {
    const label = describe(r.kind, r.constraint, r.month, r.role, r.project);
    let message: string;
    if (r.kind === "balance_min" || r.kind === "balance_max")
      message = `${label} is missed by ${formatMoney(toCents(r.amount), ctx.currency)} of spend`;
    else if (MONEY_KINDS.has(r.kind)) message = `${label} must grow by ${formatMoney(toCents(r.amount), ctx.currency)}`;
    else if (r.kind === "capacity") message = `${label} must grow by ${round(r.amount, 1)} ${unit}`;
    else if (r.kind === "max_projects") message = `${label} must grow by ${Math.ceil(r.amount - 1e-6)}`;
    else if (r.kind === "mandatory")
      message = `${r.project ? codeOf(r.project) : "A mandatory project"} cannot be made to fit: drop it as mandatory or relax the limits it needs`;
    else message = `${label} must move by ${round(r.amount, 2)}`;
    return {
      constraint: r.constraint,
      kind: r.kind,
      month: monthOf(r.month),
      roleKey: r.role ?? null,
      projectId: r.project ?? null,
      amount: amountOf(r.kind, r.amount),
      limit: limitOf(r.kind, r.limit),
      message,
    };
  };
  const constraintRef = (b: BindingConstraint) => ({
    constraint: b.constraint,
    kind: b.kind,
    month: monthOf(b.month),
    roleKey: b.role ?? null,
    label: describe(b.kind, b.constraint, b.month, b.role),
    activity: limitOf(b.kind, b.activity),
    limit: limitOf(b.kind, b.limit),
  });

  const explanationOf = new Map(analysis.explanations.map((e) => [e.projectId, e]));
  const startOf = new Map(Object.entries(analysis.starts));
  const spendIn = (id: string, start: number) => {
    const p = projectOf.get(id);
    if (!p) return 0;
    let total = 0;
    p.costByMonth.forEach((c, k) => {
      if (start + k >= 0 && start + k < months.length) total += c;
    });
    return toCents(total);
  };

  const selected = [...startOf.entries()].map(([id, start]) => {
    const c = candidateOf.get(id)!;
    const e = explanationOf.get(id);
    return {
      projectId: id,
      code: c.code,
      name: c.name,
      status: c.status,
      category: c.category,
      start: months[start] ?? addMonths(assembled.scenario.firstMonth ?? months[0]!, start),
      plannedStart: c.plannedStart,
      shiftMonths: start - (assembled.plannedIndex.get(id) ?? start),
      value: c.value,
      costInHorizonCents: spendIn(id, start),
      locked: c.locked,
      mandatory: c.mandatory,
      lossIfRemoved: e?.loss === null || e?.loss === undefined ? null : round(e.loss, 4),
      lossExact: e?.status === "optimal",
    };
  });
  selected.sort((a, b) => b.value - a.value || a.code.localeCompare(b.code));

  const hasSolution = startOf.size > 0 || analysis.objective !== null;
  const notSelected = assembled.candidates
    .filter((c) => !startOf.has(c.projectId))
    .map((c) => {
      const e = explanationOf.get(c.projectId);
      const binding = (e?.binding ?? []).map(constraintRef);
      const blockedBy = (e?.blockedBy ?? []).map(relaxation);
      const reason: "excluded" | "not_chosen" =
        c.excluded || projectOf.get(c.projectId)?.excluded ? "excluded" : "not_chosen";
      const loss = e?.loss === null || e?.loss === undefined ? null : round(e.loss, 4);
      let explanation: string;
      if (reason === "excluded")
        explanation = c.excluded ? "Excluded from this scenario." : "Cannot start inside the horizon.";
      else if (!hasSolution) explanation = "No portfolio was found.";
      else if (e && loss === null && blockedBy.length > 0)
        explanation = `It cannot be added: ${blockedBy.map((b) => b.message).join("; ")}.`;
      else if (e && loss === null) explanation = "It could not be evaluated in the time given.";
      else if (!e && analysis.isPartial)
        explanation = "Not explained: the run was stopped before its explanations were finished.";
      else if (c.value <= 0) explanation = "It adds no value under this scenario's value source.";
      else if (loss !== null && binding.length > 0)
        explanation = `Forcing it in would lose ${round(loss, 2)} value: ${binding
          .slice(0, 3)
          .map((b) => b.label)
          .join(", ")} ${binding.length === 1 ? "is" : "are"} fully used.`;
      else if (loss !== null) explanation = `Forcing it in would lose ${round(loss, 2)} value.`;
      else explanation = "Not chosen by the optimizer.";
      return {
        projectId: c.projectId,
        code: c.code,
        name: c.name,
        status: c.status,
        category: c.category,
        value: c.value,
        costInHorizonCents: c.costInHorizonCents,
        reason,
        lossIfForced: loss,
        lossExact: e?.status === "optimal" || e?.status === "infeasible",
        binding,
        blockedBy,
        explanation,
      };
    });
  notSelected.sort((a, b) => b.value - a.value || a.code.localeCompare(b.code));

  const greedy = (g: ScenarioAnalysis["greedy"]["byValue"]) => ({
    ranking: g.ranking,
    value: g.value,
    feasible: g.isFeasible,
    projectIds: Object.keys(g.starts),
    violations: g.violations.map((v) => ({ constraint: v.constraint, amount: round(v.amount, 4) })),
  });
  const feasibleGreedy = [analysis.greedy.byValuePerCost, analysis.greedy.byValue].filter((g) => g.isFeasible);
  const bestGreedy = feasibleGreedy.length ? Math.max(...feasibleGreedy.map((g) => g.value)) : null;
  const gainPct =
    hasSolution && bestGreedy !== null && bestGreedy > 0
      ? round(((analysis.value - bestGreedy) / bestGreedy) * 100, 2)
      : null;

  const shadow = (s: ShadowPrice) => {
    const kind = s.kind as SelectionRowKind;
    const label = describe(kind, s.constraint, s.month, s.role);
    const money = MONEY_KINDS.has(kind) && kind !== "balance_min" && kind !== "balance_max";
    // A price per currency unit is read per 100,000 of it: "100 k more budget is worth …".
    const text = money
      ? `${formatMoney(10_000_000, ctx.currency)} more ${label.charAt(0).toLowerCase()}${label.slice(1)} is worth ${round(s.price * 100_000, 2)} value`
      : `One more ${ctx.capacityUnit === "fte" ? "FTE" : "hour"} of ${label} is worth ${round(s.price, 4)} value`;
    return {
      constraint: s.constraint,
      kind: s.kind,
      month: monthOf(s.month),
      roleKey: s.role ?? null,
      price: money ? s.price / 100 : s.price,
      label: text,
    };
  };

  const usage = analysis.usage
    ? {
        months,
        spendCents: analysis.usage.spend.map(toCents),
        capexCents: analysis.usage.capex.map(toCents),
        opexCents: analysis.usage.opex.map(toCents),
        spendByCategoryCents: Object.fromEntries(
          Object.entries(analysis.usage.spendByCategory).map(([k, v]) => [k, v.map(toCents)]),
        ),
        budgetLimitCents: months.map((_, t) => {
          const v = assembled.scenario.constraints.budgetByMonth?.[t];
          return v === null || v === undefined ? null : toCents(v);
        }),
        capacity: Object.keys(assembled.scenario.constraints.capacityByRole ?? {})
          .concat(Object.keys(analysis.usage.demandByRole))
          .filter((k, i, all) => all.indexOf(k) === i)
          .map((roleKey) => ({
            roleKey,
            roleName: roleName(roleKey),
            demand: (analysis.usage?.demandByRole[roleKey] ?? months.map(() => 0)).map((d) => round(d, 2)),
            limit: months.map((_, t) => assembled.scenario.constraints.capacityByRole?.[roleKey]?.[t] ?? null),
          })),
        capacityUnit: ctx.capacityUnit,
      }
    : null;

  return {
    objective: analysis.objective === null ? null : round(analysis.objective, 6),
    bound: analysis.bound === null ? null : round(analysis.bound, 6),
    gapPct: analysis.gapPct === null ? null : round(analysis.gapPct, 4),
    seconds: round(analysis.seconds, 2),
    nodes: analysis.nodes,
    value: round(analysis.value, 6),
    spendInHorizonCents: selected.reduce((s, p) => s + p.costInHorizonCents, 0),
    selected,
    notSelected,
    greedy: {
      byValuePerCost: greedy(analysis.greedy.byValuePerCost),
      byValue: greedy(analysis.greedy.byValue),
      gainPct,
    },
    relaxations: analysis.relaxations.map(relaxation),
    binding: analysis.binding.map(constraintRef),
    shadowPrices: analysis.shadowPrices.map(shadow),
    frontier: analysis.frontier.map((f) => ({
      budgetPct: round(f.fraction * 100, 1),
      budgetCents: f.budgetTotal === null ? null : toCents(f.budgetTotal),
      value: f.value === null ? null : round(f.value, 6),
      status: f.status,
      gapPct: f.gapPct === null ? null : round(f.gapPct, 4),
      projectCount: f.projectIds.length,
    })),
    usage,
    explanationsComplete: !analysis.isPartial,
    violations: analysis.violations.map((v) => ({ constraint: v.constraint, amount: round(v.amount, 4) })),
    warnings: [
      ...assembled.warnings,
      ...(analysis.message ? [analysis.message] : []),
      ...(analysis.status === "infeasible" && analysis.relaxations.length === 0
        ? [
            "No limit can be relaxed to make this scenario feasible: locked-in projects, dependencies or exclusion groups contradict each other (for example two locked-in projects in one exclusion group, or a locked-in project that needs an excluded one).",
          ]
        : []),
    ],
  };
}

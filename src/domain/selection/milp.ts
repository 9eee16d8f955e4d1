/**
 * A solver-neutral mixed-integer linear program: what the selection model builder produces and
 * what a solver adapter (HiGHS today) or the CPLEX-LP writer consumes.
 *
 *   maximize / minimize   Σ_j objective_j · x_j + objectiveConstant
 *   subject to            lower_i ≤ Σ_j a_ij · x_j ≤ upper_i      for every constraint i
 *                         lower_j ≤ x_j ≤ upper_j                  for every variable j
 *                         x_j integer when type is "binary" or "integer"
 *
 * Constraint terms are parallel arrays (`variables[k]` is an index into `MilpModel.variables`,
 * `coefficients[k]` its coefficient) so a model with 10⁵ nonzeros stays cheap to build, clone to a
 * worker thread and convert to a sparse matrix. Infinite bounds are `±Infinity`.
 */

export type MilpVariableType = "binary" | "integer" | "continuous";

export interface MilpVariable<Meta = unknown> {
  /** Unique, already valid as a CPLEX-LP name (see `sanitizeLpName`). */
  name: string;
  type: MilpVariableType;
  lower: number;
  upper: number;
  /** Objective coefficient. */
  objective: number;
  meta?: Meta;
}

export interface MilpConstraint<Meta = unknown> {
  /** Unique, already valid as a CPLEX-LP name; explanations refer to constraints by it. */
  name: string;
  variables: number[];
  coefficients: number[];
  /** −Infinity when the constraint has no lower side. */
  lower: number;
  /** +Infinity when the constraint has no upper side. */
  upper: number;
  meta?: Meta;
}

export interface MilpModel<VarMeta = unknown, RowMeta = unknown> {
  name: string;
  sense: "maximize" | "minimize";
  objectiveName: string;
  objectiveConstant: number;
  variables: MilpVariable<VarMeta>[];
  constraints: MilpConstraint<RowMeta>[];
}

/** Objective value of `values` (variable name → value; missing names count as 0). */
export function evaluateObjective(model: MilpModel, values: Readonly<Record<string, number>>): number {
  let total = model.objectiveConstant;
  for (const v of model.variables) total += v.objective * (values[v.name] ?? 0);
  return total;
}

/** Activity Σ a_ij x_j of one constraint at `values`. */
export function constraintActivity(
  model: MilpModel,
  constraint: MilpConstraint,
  values: Readonly<Record<string, number>>,
): number {
  let sum = 0;
  for (let k = 0; k < constraint.variables.length; k++) {
    const variable = model.variables[constraint.variables[k]!]!;
    sum += constraint.coefficients[k]! * (values[variable.name] ?? 0);
  }
  return sum;
}

/** A name fragment: every character outside letters, digits and `_` becomes `_`. */
export function lpToken(raw: string): string {
  return raw.replace(/[^A-Za-z0-9_]/g, "_");
}

const LP_KEYWORDS = new Set([
  "max",
  "maximize",
  "maximise",
  "maximum",
  "min",
  "minimize",
  "minimise",
  "minimum",
  "st",
  "s.t.",
  "st.",
  "subject",
  "such",
  "bound",
  "bounds",
  "free",
  "inf",
  "infinity",
  "bin",
  "binary",
  "binaries",
  "gen",
  "general",
  "generals",
  "semi",
  "semis",
  "semi-continuous",
  "sos",
  "end",
]);

/**
 * A CPLEX-LP-safe name: letters, digits and `_` only, never starting with a digit or with an
 * `e`/`E` plus digit that a reader could take for an exponent, never an LP keyword, at most 200
 * characters. Idempotent.
 */
export function sanitizeLpName(raw: string): string {
  let name = lpToken(raw);
  if (name === "" || /^[0-9]/.test(name) || /^[eE][0-9]/.test(name) || LP_KEYWORDS.has(name.toLowerCase())) {
    name = `_${name}`;
  }
  return name.length > 200 ? name.slice(0, 200) : name;
}

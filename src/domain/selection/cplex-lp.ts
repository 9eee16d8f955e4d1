/**
 * CPLEX-LP text of a neutral MILP, so an analyst can check a scenario's model in any solver
 * (HiGHS, CPLEX, Gurobi, GLPK, CBC read it). Sections: `Maximize`/`Minimize`, `Subject To`,
 * `Bounds`, `General`, `Binary`, `End`.
 *
 * - Coefficients and bounds are printed with JavaScript's shortest round-trip form, so the
 *   numbers read back are exactly the model's doubles.
 * - Names go through `sanitizeLpName`; a collision after sanitizing gets a `_2`, `_3`… suffix.
 * - A row with both sides finite and different is written as two rows `<name>_lo` (≥) and
 *   `<name>_hi` (≤): HiGHS's reader does not accept the `lo <= expr <= hi` form.
 * - A binary variable whose bounds are not [0, 1] (a locked-in start fixed to 1) is written as a
 *   general integer with its bounds, which every reader treats the same way.
 * - Expressions wrap every few terms; continuation lines start with a space.
 */
import { type MilpModel, sanitizeLpName } from "./milp.js";

const TERMS_PER_LINE = 8;

export function toCplexLp(model: MilpModel): string {
  const used = new Set<string>();
  const unique = (raw: string) => {
    const base = sanitizeLpName(raw);
    let name = base;
    for (let i = 2; used.has(name); i++) name = `${base}_${i}`;
    used.add(name);
    return name;
  };
  const varNames = model.variables.map((v) => unique(v.name));
  const objectiveName = unique(model.objectiveName || "obj");

  const lines: string[] = [];
  lines.push(`\\ ${model.name}: ${model.variables.length} variables, ${model.constraints.length} constraints`);
  lines.push(model.sense === "maximize" ? "Maximize" : "Minimize");
  const objectiveTerms: string[] = [];
  model.variables.forEach((v, j) => {
    if (v.objective !== 0) objectiveTerms.push(term(v.objective, varNames[j]!));
  });
  if (model.objectiveConstant !== 0) objectiveTerms.push(signed(model.objectiveConstant));
  if (objectiveTerms.length === 0 && varNames.length > 0) objectiveTerms.push(`0 ${varNames[0]}`);
  lines.push(...wrap(` ${objectiveName}:`, objectiveTerms.length > 0 ? objectiveTerms : ["0"]));

  lines.push("Subject To");
  for (const row of model.constraints) {
    const terms = row.variables.map((j, k) => term(row.coefficients[k]!, varNames[j]!));
    if (terms.length === 0) {
      if (varNames.length === 0) continue; // nothing to write a row against; it constrains nothing
      terms.push(`0 ${varNames[0]}`);
    }
    const name = unique(row.name);
    const hasLower = row.lower > Number.NEGATIVE_INFINITY;
    const hasUpper = row.upper < Number.POSITIVE_INFINITY;
    if (hasLower && hasUpper && row.lower === row.upper) {
      lines.push(...wrap(` ${name}:`, [...terms, `= ${number(row.upper)}`]));
    } else if (hasLower && hasUpper) {
      lines.push(...wrap(` ${unique(`${name}_lo`)}:`, [...terms, `>= ${number(row.lower)}`]));
      lines.push(...wrap(` ${unique(`${name}_hi`)}:`, [...terms, `<= ${number(row.upper)}`]));
    } else if (hasLower) {
      lines.push(...wrap(` ${name}:`, [...terms, `>= ${number(row.lower)}`]));
    } else if (hasUpper) {
      lines.push(...wrap(` ${name}:`, [...terms, `<= ${number(row.upper)}`]));
    }
    // A row free on both sides constrains nothing and is left out.
  }

  const bounds: string[] = [];
  const general: string[] = [];
  const binary: string[] = [];
  model.variables.forEach((v, j) => {
    const name = varNames[j]!;
    const isPlainBinary = v.type === "binary" && v.lower === 0 && v.upper === 1;
    if (isPlainBinary) {
      binary.push(name);
      return;
    }
    if (v.type !== "continuous") general.push(name);
    const lower = v.type === "binary" ? Math.max(v.lower, 0) : v.lower;
    const upper = v.type === "binary" ? Math.min(v.upper, 1) : v.upper;
    if (lower === upper) bounds.push(` ${name} = ${number(lower)}`);
    else if (lower === Number.NEGATIVE_INFINITY && upper === Number.POSITIVE_INFINITY) bounds.push(` ${name} free`);
    else if (lower !== 0 || upper !== Number.POSITIVE_INFINITY) {
      bounds.push(` ${bound(lower)} <= ${name} <= ${bound(upper)}`);
    }
  });
  if (bounds.length > 0) lines.push("Bounds", ...bounds);
  if (general.length > 0) lines.push("General", ...wrap("", general));
  if (binary.length > 0) lines.push("Binary", ...wrap("", binary));
  lines.push("End", "");
  return lines.join("\n");
}

function number(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`cannot write ${x} as an LP coefficient`);
  return String(x);
}

function bound(x: number): string {
  if (x === Number.POSITIVE_INFINITY) return "+inf";
  if (x === Number.NEGATIVE_INFINITY) return "-inf";
  return number(x);
}

function signed(x: number): string {
  return x < 0 ? `- ${number(-x)}` : `+ ${number(x)}`;
}

function term(coefficient: number, name: string): string {
  return `${signed(coefficient)} ${name}`;
}

/** `head` then the items, TERMS_PER_LINE per line; continuation lines are indented. */
function wrap(head: string, items: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < items.length; i += TERMS_PER_LINE) {
    const chunk = items.slice(i, i + TERMS_PER_LINE).join(" ");
    out.push(i === 0 ? (head ? `${head} ${chunk}` : ` ${chunk}`) : `   ${chunk}`);
  }
  if (out.length === 0 && head) out.push(head);
  return out;
}

import fs from "node:fs";
import { type Command, InvalidArgumentError } from "commander";
import { action, contextFor, resolveOrganization, withServices, writeStdout } from "./runtime.js";

type Common = { org?: string; as?: string };
type SolveOptions = Common & { timeLimit?: number; gap?: number; explain: boolean; json?: boolean };

/** Exit code of a solve that ran but found no portfolio (infeasible, or no solution in the time given). */
const EXIT_NO_PORTFOLIO = 4;

function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError("Expected a number ≥ 0.");
  return n;
}

const money = (cents: number) => (cents / 100).toLocaleString("en", { maximumFractionDigits: 0 });
const num = (n: number) => Number(n.toPrecision(6)).toString();

/** `scenario list | solve | model`: portfolio selection from the command line. */
export function registerScenarioCommands(program: Command): void {
  const scenario = program
    .command("scenario")
    .description("Portfolio-selection scenarios: list them, solve one with the optimizer, export its model");
  const common = (c: Command) =>
    c
      .option("--org <id>", "organization (default: the first organization)")
      .option(
        "--as <email>",
        "act as this person, with their role in the organization (default: the system, as admin)",
      );

  common(scenario.command("list").description("List scenarios with their latest run"))
    .option("--portfolio <id>", "only this portfolio's scenarios")
    .action(
      action(async (options: Common & { portfolio?: string }) => {
        await withServices(async ({ services }) => {
          const org = await resolveOrganization(services, options.org);
          const ctx = await contextFor(services, org.id, options.as);
          const { items } = await services.selection.list(ctx, options.portfolio);
          if (items.length === 0) console.error("No scenarios yet (create one in the web app or through the API).");
          for (const s of items) {
            const run = s.latestRun;
            const last = run ? `${run.status}${run.value === null ? "" : ` value ${run.value}`}` : "never solved";
            console.log(
              `${s.id}  ${s.name}  [${s.portfolioName}, ${s.firstMonth} +${s.horizonMonths} months, ${s.status}]  ${last}`,
            );
          }
        });
      }),
    );

  common(
    scenario
      .command("solve")
      .argument("<id>", "scenario id")
      .description(
        "Solve a scenario with the exact optimizer (HiGHS), showing progress on stderr; then print the portfolio, " +
          "its value against the greedy cut lines, and what must move when it is infeasible. " +
          `Exit code ${EXIT_NO_PORTFOLIO} when no portfolio was found (infeasible or out of time).`,
      ),
  )
    .option("--time-limit <seconds>", "override the scenario's time limit", parsePositive)
    .option("--gap <percent>", "override the scenario's relative gap tolerance, in percent", parsePositive)
    .option("--no-explain", "skip the explanations (why not selected, frontier, shadow prices)")
    .option("--json", "print the whole run as JSON on stdout")
    .action(
      action(async (id: string, options: SolveOptions) => {
        const { shutdownSolverPool } = await import("../server/modules/selection/solver/solver-pool.js");
        try {
          await withServices(async ({ services }) => {
            const org = await resolveOrganization(services, options.org);
            const ctx = await contextFor(services, org.id, options.as);
            const started = await services.selection.startRun(ctx, id.trim(), {
              ...(options.timeLimit === undefined ? {} : { timeLimitSeconds: options.timeLimit }),
              ...(options.gap === undefined ? {} : { gapPct: options.gap }),
              explain: options.explain,
            });
            const timer = setInterval(() => {
              const p = services.selection.progressOf(started.id);
              if (!p) return;
              const gap = p.gapPct === null || p.gapPct === undefined ? "" : ` gap ${p.gapPct.toFixed(2)} %`;
              const best = p.incumbent === null || p.incumbent === undefined ? "" : ` best ${p.incumbent.toFixed(2)}`;
              process.stderr.write(
                `${p.phase} ${(p.fraction * 100).toFixed(0)} %${best}${gap} ${p.elapsedSeconds.toFixed(1)} s${p.message ? ` (${p.message})` : ""}\n`,
              );
            }, 1000);
            const stop = () => void services.selection.cancelRun(ctx, started.id);
            process.once("SIGINT", stop);
            try {
              await services.selection.waitForRun(started.id);
            } finally {
              clearInterval(timer);
              process.off("SIGINT", stop);
            }
            const run = await services.selection.getRun(ctx, started.id);
            const r = run.result;
            if (options.json) await writeStdout(`${JSON.stringify(run, null, 2)}\n`);
            else {
              console.log(`Run ${run.id}: ${run.status}${run.message ? ` (${run.message})` : ""}`);
              if (r) {
                console.log(
                  `Value ${num(r.value)}${r.gapPct === null ? "" : `, gap ${r.gapPct} %`}${r.bound === null ? "" : `, bound ${r.bound}`}, ${r.seconds} s, ${r.selected.length} projects, spend in horizon ${money(r.spendInHorizonCents)}`,
                );
                const g = r.greedy;
                console.log(
                  `Greedy cut line: by value ÷ cost ${num(g.byValuePerCost.value)}${g.byValuePerCost.feasible ? "" : " (infeasible)"}, by value ${num(g.byValue.value)}${g.byValue.feasible ? "" : " (infeasible)"}${g.gainPct === null ? "" : `; the optimizer gains ${g.gainPct} %`}`,
                );
                for (const p of r.selected) {
                  const shift =
                    p.shiftMonths === 0 ? "" : ` (moved ${p.shiftMonths > 0 ? "+" : ""}${p.shiftMonths} months)`;
                  console.log(`  + ${p.code}  start ${p.start}${shift}  value ${num(p.value)}  ${p.name}`);
                }
                for (const p of r.notSelected) console.log(`  - ${p.code}  ${p.explanation}`);
                for (const x of r.relaxations) console.log(`  ! ${x.message}`);
                for (const w of r.warnings) console.error(`warning: ${w}`);
              }
              console.log(run.id);
            }
            const found = run.status === "optimal" || run.status === "feasible" || (r !== null && r.objective !== null);
            if (!found || run.status === "infeasible") process.exitCode = EXIT_NO_PORTFOLIO;
          });
        } finally {
          await shutdownSolverPool();
        }
      }),
    );

  common(
    scenario
      .command("model")
      .argument("<id>", "scenario id")
      .description("Write the scenario's mixed-integer model as a CPLEX-LP file (stdout, or --out FILE)"),
  )
    .option("--out <file>", "write to this file instead of stdout")
    .action(
      action(async (id: string, options: Common & { out?: string }) => {
        await withServices(async ({ services }) => {
          const org = await resolveOrganization(services, options.org);
          const ctx = await contextFor(services, org.id, options.as);
          const file = await services.selection.modelLp(ctx, id.trim());
          if (options.out) {
            fs.writeFileSync(options.out, file.text);
            console.error(`wrote ${options.out}`);
          } else await writeStdout(file.text);
        });
      }),
    );
}

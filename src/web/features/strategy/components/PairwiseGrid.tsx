import { Stack, Text } from "@mantine/core";
import {
  choiceFor,
  describeJudgment,
  type JudgmentMap,
  pairKey,
  pairsOf,
  SCALE_CHOICES,
  type ScaleChoice,
  scaleWord,
} from "../pairwise-model.js";
import classes from "./PairwiseGrid.module.css";

function readoutWord(choice: ScaleChoice | undefined): string {
  const word = choice && choice.favours !== "equal" ? scaleWord(choice.times) : undefined;
  return word ? ` (${word})` : "";
}

/**
 * One row per pair of criteria: a radio group named "A versus B" whose 17 choices run from "A is 9
 * times more important than B" through "equally important" to "B is 9 times more important than A".
 * Arrow keys move along a row; the chosen judgment is also written out under it.
 */
export function PairwiseGrid({
  criteria,
  judgments,
  onChange,
  disabled,
  flagged,
}: {
  criteria: readonly { id: string; name: string }[];
  judgments: JudgmentMap;
  onChange: (key: string, value: number) => void;
  disabled?: boolean;
  /** Pair keys of the judgments most at odds with the others. */
  flagged?: ReadonlySet<string>;
}) {
  return (
    <Stack gap="sm">
      <Text size="sm" id="saaty-scale-help">
        Choose how much more important one criterion is than the other: 1 equal, 3 moderately, 5 strongly, 7 very
        strongly, 9 extremely more important (2, 4, 6, 8 in between).
      </Text>
      {pairsOf(criteria.length).map(({ i, j }) => {
        const a = criteria[i];
        const b = criteria[j];
        if (!a || !b) return null;
        const key = pairKey(i, j);
        const value = judgments.get(key);
        const chosen = choiceFor(value);
        const isFlagged = flagged?.has(key) ?? false;
        const name = `pair-${a.id}-${b.id}`;
        return (
          <fieldset
            key={key}
            className={`${classes.row} ${isFlagged ? classes.flagged : ""}`}
            aria-describedby="saaty-scale-help"
          >
            <legend className={classes.legend}>
              {a.name} versus {b.name}
            </legend>
            <div className={classes.names} aria-hidden="true">
              <span>← {a.name} more important</span>
              <span className={classes.nameB}>{b.name} more important →</span>
            </div>
            <div className={classes.choices}>
              {SCALE_CHOICES.map((c) => {
                const id = `${name}-${c.id}`;
                const label =
                  c.favours === "equal"
                    ? `${a.name} and ${b.name} are equally important`
                    : c.favours === "a"
                      ? `${a.name} is ${c.times} times more important than ${b.name}`
                      : `${b.name} is ${c.times} times more important than ${a.name}`;
                return (
                  <span key={c.id} className={classes.cell}>
                    <input
                      className={classes.input}
                      type="radio"
                      id={id}
                      name={name}
                      value={c.id}
                      aria-label={label}
                      checked={chosen?.id === c.id}
                      disabled={disabled}
                      onChange={() => onChange(key, c.value)}
                    />
                    <label htmlFor={id} className={`${classes.choice} ${c.favours === "equal" ? classes.equal : ""}`}>
                      {c.times}
                    </label>
                  </span>
                );
              })}
            </div>
            <Text size="sm" mt={4} c={value === undefined ? "dimmed" : undefined}>
              {value === undefined
                ? "Not answered yet"
                : `${describeJudgment(value, a.name, b.name)}${readoutWord(chosen)}.`}
              {isFlagged ? (
                <Text span size="sm" fw={600}>
                  {" "}
                  Among the least consistent judgments.
                </Text>
              ) : null}
            </Text>
          </fieldset>
        );
      })}
    </Stack>
  );
}

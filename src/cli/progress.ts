import cliProgress from "cli-progress";

export type Progress = {
  /** Pass to a service as its `onProgress`. */
  update: (done: number, total: number) => void;
  /** Ends the bar (safe to call when none was shown). */
  stop: () => void;
};

/**
 * A progress bar on stderr, created on the first update and only when `shouldShow(total)` says so.
 * On a terminal it redraws in place; elsewhere (CI logs) cli-progress prints a line now and then.
 */
export function progressBar(label: string, shouldShow: (total: number) => boolean): Progress {
  let bar: cliProgress.SingleBar | undefined;
  let decided = false;
  const isTTY = process.stderr.isTTY === true;
  return {
    update(done, total) {
      if (!decided) {
        decided = true;
        if (!shouldShow(total)) return;
        bar = new cliProgress.SingleBar(
          {
            stream: process.stderr,
            format: `${label} |{bar}| {percentage}% | ETA {eta_formatted}`,
            noTTYOutput: !isTTY,
            notTTYSchedule: 1000,
            hideCursor: isTTY ? true : null,
            clearOnComplete: false,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0);
      }
      bar?.setTotal(total);
      bar?.update(done);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

/** Small waiting and reading helpers for what a person sees and what assistive technology reads. */
import type { Locator } from "playwright-core";
import { expect } from "vitest";
import { UI_TIMEOUT } from "./browser.js";

/** Retries `read` until the assertion on its value holds (vitest's expect.poll), for up to UI_TIMEOUT. */
export function eventually<T>(read: () => T | Promise<T>, message?: string) {
  return expect.poll(read, { timeout: UI_TIMEOUT, interval: 50, message });
}

/** The text of the elements an input names in aria-describedby (its description and its error). */
export function describedBy(input: Locator): Promise<string> {
  return input.evaluate((el) =>
    (el.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" "),
  );
}

/** The element carrying an input's error message, found through aria-describedby; null when none. */
export async function errorOf(input: Locator): Promise<{ text: string; gap: number } | null> {
  return input.evaluate((el) => {
    const ids = (el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
    const error = ids.map((id) => document.getElementById(id)).find((e) => e?.id.endsWith("-error"));
    if (!error) return null;
    const field = el.getBoundingClientRect();
    const message = error.getBoundingClientRect();
    // Vertical distance from the input's bottom edge to the message's top edge, when they share a column.
    const sameColumn = message.left < field.right && message.right > field.left;
    return { text: error.textContent ?? "", gap: sameColumn ? message.top - field.bottom : Number.POSITIVE_INFINITY };
  });
}

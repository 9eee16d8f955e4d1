import {
  Badge,
  Combobox,
  createTheme,
  defaultVariantColorsResolver,
  PasswordInput,
  parseThemeColor,
  type VariantColorsResolver,
} from "@mantine/core";

/** Colours whose darkest shade keeps 4.5:1 on white and on their own light tint. */
const DARK_ENOUGH = new Set(["blue", "red", "grape", "violet", "indigo", "pink", "dark", "gray"]);

/**
 * Mantine's variants with text dark enough for WCAG AA (4.5:1): light, outline and subtle variants
 * write in the colour's darkest shade, or in the body text colour for pale colours (yellow, green…).
 */
const accessibleVariants: VariantColorsResolver = (input) => {
  const resolved = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return resolved;
  const text = DARK_ENOUGH.has(parsed.color) ? `var(--mantine-color-${parsed.color}-9)` : "var(--mantine-color-text)";
  if (input.variant === "light") {
    // The default hover tint is dark enough to drop the contrast of shade-9 text below 4.5:1.
    return { ...resolved, color: text, hover: `var(--mantine-color-${parsed.color}-1)` };
  }
  if (input.variant === "outline" || input.variant === "subtle") {
    return { ...resolved, color: text };
  }
  if (input.variant === "filled" && !DARK_ENOUGH.has(parsed.color)) {
    return { ...resolved, background: `var(--mantine-color-${parsed.color}-9)`, color: "var(--mantine-color-white)" };
  }
  return resolved;
};

export const theme = createTheme({
  primaryColor: "blue",
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: "sm",
  variantColorResolver: accessibleVariants,
  components: {
    // Badges keep their whole label instead of truncating in narrow table cells.
    Badge: Badge.extend({ styles: { root: { minWidth: "max-content" } } }),
    // Closed dropdowns stay out of the DOM, so a field's label names exactly one element.
    Combobox: Combobox.extend({ defaultProps: { keepMounted: false } }),
    // The default name ("Toggle password visibility") would also match a search for the label "Password".
    PasswordInput: PasswordInput.extend({
      defaultProps: { visibilityToggleButtonProps: { "aria-label": "Show or hide characters" } },
    }),
  },
});

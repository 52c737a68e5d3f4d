import { type CSSVariablesResolver, createTheme, type MantineThemeOverride } from '@mantine/core'

const FONT = "'Be Vietnam Pro', 'Segoe UI', Roboto, 'Noto Sans', sans-serif"

/**
 * One calm, high-contrast look for both apps: a single typeface, a dark blue that passes
 * contrast on white, and medium-sized controls so that every target is easy to hit.
 */
export const appTheme: MantineThemeOverride = createTheme({
  fontFamily: FONT,
  headings: { fontFamily: FONT, fontWeight: '700' },
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 5 },
  defaultRadius: 'md',
  fontSizes: { xs: '0.8125rem', sm: '0.9375rem', md: '1rem', lg: '1.125rem', xl: '1.25rem' },
  components: {
    Button: { defaultProps: { size: 'md' } },
    TextInput: { defaultProps: { size: 'md' } },
    NumberInput: { defaultProps: { size: 'md' } },
    Select: { defaultProps: { size: 'md' } },
    Radio: { defaultProps: { size: 'md' } },
    Checkbox: { defaultProps: { size: 'md' } },
    // Upper-case Vietnamese loses the shape of its diacritics: keep labels as written.
    Badge: { styles: { label: { textTransform: 'none' } } },
    Modal: { styles: { title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-xl)' } } },
    Fieldset: { styles: { legend: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } } },
  },
})

/**
 * Mantine's "dimmed" grey is below 4.5:1 on white; secondary text here is still read by
 * tired eyes in bright rooms, so it uses a darker grey.
 */
export const appCssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
})

import { Badge, createTheme, mergeThemeOverrides, Select } from '@mantine/core'
import { appTheme } from '../../common/theme/app.theme'
import { accentFreeFilter } from '../common/select-filter'

/** The shared look, plus pickers that find Vietnamese names typed without accents. */
export const consoleTheme = mergeThemeOverrides(
  appTheme,
  createTheme({
    components: {
      Select: Select.extend({ defaultProps: { filter: accentFreeFilter, size: 'md' } }),
      // Status words are read, not glanced at: large enough for tired eyes.
      Badge: Badge.extend({
        defaultProps: { size: 'lg', radius: 'sm' },
        // Never cut a status word short in a narrow table column.
        styles: { root: { minWidth: 'fit-content' } },
      }),
    },
  }),
)

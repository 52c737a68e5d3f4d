/**
 * The Be Vietnam Pro typeface, shipped with the app (no network fonts). Each weight file
 * declares the vietnamese, latin-ext and latin subsets with unicode ranges, so only the
 * subsets a page uses are loaded.
 */
import '@fontsource/be-vietnam-pro/400.css'
import '@fontsource/be-vietnam-pro/500.css'
import '@fontsource/be-vietnam-pro/600.css'
import '@fontsource/be-vietnam-pro/700.css'

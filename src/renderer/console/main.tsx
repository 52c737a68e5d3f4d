import '@mantine/core/styles.css'
import '../common/theme/fonts'
import { mountApp } from '../common/app/mount-app'
import { ConsoleApp } from './app/console.app'
import { consoleTheme } from './app/console.theme'

void mountApp(<ConsoleApp />, consoleTheme)

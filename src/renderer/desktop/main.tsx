import '@mantine/core/styles.css'
import '../common/theme/fonts'
import './app/desktop.css'
import { mountApp } from '../common/app/mount-app'
import { appTheme } from '../common/theme/app.theme'
import { App } from './app/app'

void mountApp(<App />, appTheme)

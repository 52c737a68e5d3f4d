import { contextBridge, ipcRenderer } from 'electron'
import { IPC_CHANNEL } from '../shared/api/desktop-api'
import { buildDesktopApi } from './desktop-api.bridge'

// The only bridge between the page and the main process: `window.api`, typed by DesktopApi.
contextBridge.exposeInMainWorld(
  'api',
  buildDesktopApi((name, input) => ipcRenderer.invoke(IPC_CHANNEL, name, input)),
)

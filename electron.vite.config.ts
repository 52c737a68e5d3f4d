import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig, externalizeDepsPlugin } from 'electron-vite'

/**
 * The desktop app: main process, preload and the desktop renderer. The province console is
 * a separate build (vite.console.config.ts) served by the provincial server.
 */
export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: { rollupOptions: { input: { index: resolve('src/main/electron/index.ts') } } },
  },
  preload: {
    // Sandboxed preloads cannot require node_modules: bundle the contract (and zod) in.
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer/desktop'),
    plugins: [react()],
    build: { rollupOptions: { input: { index: resolve('src/renderer/desktop/index.html') } } },
  },
})

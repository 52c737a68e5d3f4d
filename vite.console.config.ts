import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

/** The province console: a browser app served by the provincial server from out/console. */
export default defineConfig({
  root: resolve('src/renderer/console'),
  base: '/',
  plugins: [react()],
  build: { outDir: resolve('out/console'), emptyOutDir: true },
})

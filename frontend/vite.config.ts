import {defineConfig} from 'vite'
import react from '@vitejs/plugin-react'
import {writeFileSync} from 'node:fs'

// main.go embeds frontend/dist, which must exist in a fresh clone before the
// first build: a committed placeholder that every build writes back.
const keepDist = {name: 'keep-dist', closeBundle: () => writeFileSync('dist/gitkeep', '')}

export default defineConfig({
  plugins: [react(), keepDist],
  build: {chunkSizeWarningLimit: 2000},
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test-setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
  },
} as any)

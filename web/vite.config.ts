import { defineConfig } from 'vite';

// The dashboard is served by `ftzlab serve` under whatever path the deployer chooses, so every URL is relative
// (`base: './'`, and the app calls `api/...` without a leading slash).
export default defineConfig({
  base: './',
  // Vite 8 compiles TSX with its built-in oxc transform; no React plugin is installed, so the JSX runtime is set here.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The ECharts chunk (echarts/core with map, line and scatter) is ~630 kB before gzip and loads with the first
    // chart; the default 500 kB warning would fire on every build.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: { '/api': process.env['FTZLAB_API'] ?? 'http://127.0.0.1:8787' },
  },
});

// Builds the Electron main process and preload script into out/electron as CommonJS.
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/electron',
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    rollupOptions: {
      input: { main: 'electron/main/index.ts', preload: 'electron/preload/index.ts' },
      external: ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { format: 'cjs', entryFileNames: '[name].cjs' },
    },
  },
  ssr: { noExternal: true },
});

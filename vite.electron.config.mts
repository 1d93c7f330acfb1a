// Builds the Electron main process and preload script into out/electron as CommonJS.
// They are two separate bundles: a sandboxed preload may require nothing but 'electron',
// so it must never share a chunk with the main process.
import { rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { defineConfig, type EnvironmentOptions } from 'vite';

const outDir = 'out/electron';

function bundle(entry: 'main' | 'preload'): EnvironmentOptions {
  return {
    consumer: 'server',
    resolve: { noExternal: true },
    build: {
      ssr: true,
      outDir,
      emptyOutDir: false,
      target: 'node22',
      minify: false,
      rollupOptions: {
        input: { [entry]: `electron/${entry}/index.ts` },
        external: ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  };
}

export default defineConfig({
  environments: { main: bundle('main'), preload: bundle('preload') },
  builder: {
    async buildApp(builder) {
      await rm(outDir, { recursive: true, force: true });
      for (const name of ['main', 'preload']) {
        const environment = builder.environments[name];
        if (!environment) throw new Error(`No build environment named ${name}.`);
        await builder.build(environment);
      }
    },
  },
});

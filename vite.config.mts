// Builds the renderer (the whole app UI) into out/renderer, for Electron and the web alike.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY } from './shared/security/contentSecurityPolicy.ts';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1', port: 5173 },
  // The served build carries the same CSP header as the desktop app's app:// responses.
  preview: { headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
});

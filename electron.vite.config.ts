import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './src-main/security';

// The policy travels in the built page itself, so that it holds however the
// page is loaded; the app scheme (src-main/app-protocol.ts) sends it as a
// header too. Not in dev, whose live reload needs inline scripts.
const cspMetaTag: Plugin = {
  name: 'content-security-policy',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy },
      injectTo: 'head-prepend',
    },
  ],
};

// Each entry is named so the fixed top-level layout (src-main, src-renderer)
// builds without electron-vite's default src/ folders.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          main: resolve(__dirname, 'src-main/main.ts'),
          'backend-worker': resolve(__dirname, 'src-main/backend-worker.ts'),
          // A job's CPU-heavy work (PDF layout, workbook writing) runs in its own thread.
          'cpu-worker': resolve(__dirname, 'src-main/services/jobs/cpu-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve(__dirname, 'src-main/preload.ts') },
        // A sandboxed preload cannot load ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [react(), cspMetaTag],
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-renderer/index.html') },
      },
    },
  },
});

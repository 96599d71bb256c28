import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/** Where `npm run dev` sends API calls; PASSERELLE_BACKEND=http://localhost:8099 to change it. */
const backEnd = process.env.PASSERELLE_BACKEND ?? 'http://localhost:8080';

/**
 * Writes /sw.js from sw/service-worker.js with the list of built files to cache, so the
 * installed app opens without network. Hand-written on purpose: no workbox.
 */
function serviceWorker(): Plugin {
  return {
    name: 'passerelle-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const shell = ['/index.html', '/manifest.webmanifest', '/favicon.svg', '/icons/icon.svg'];
      const built = Object.keys(bundle)
        .filter((file) => file.startsWith('assets/'))
        .map((file) => '/' + file);
      const files = [...shell, ...built].sort();
      const version = hash(files.join('\n'));
      const template = readFileSync(fileURLToPath(new URL('./sw/service-worker.js', import.meta.url)), 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: template
          .replace('__SHELL_VERSION__', version)
          .replace('__SHELL_FILES__', JSON.stringify(files)),
      });
    },
  };
}

function hash(text: string): string {
  let h = 5381;
  for (let i = 0; i < text.length; i++) {
    h = (h * 33) ^ text.charCodeAt(i);
  }
  return (h >>> 0).toString(36);
}

export default defineConfig({
  base: '/',
  esbuild: {
    jsx: 'automatic',
    jsxImportSource: 'preact',
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The Content-Security-Policy allows no inline script: keep the preload polyfill out of index.html.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  plugins: [serviceWorker()],
  server: {
    proxy: {
      '/api': backEnd,
      '/actuator': backEnd,
      '/v3': backEnd,
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});

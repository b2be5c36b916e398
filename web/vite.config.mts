import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app's build (`vite build web`, run by tools/web/build-web.ts) and its development server
 * (`vite web`, with the API of a running `npm start` behind it). The gateway serves the build from
 * dist/web: hashed files under /assets, long cached, and index.html for every client route.
 */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    // Every browser the app supports preloads modules natively: no polyfill in the bundle.
    modulePreload: { polyfill: false },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});

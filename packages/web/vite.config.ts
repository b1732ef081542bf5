import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Writes `.br` and `.gz` next to every text file of the build, at the strongest levels, once:
 * the server sends them as they are (docs/architecture.md, "Web delivery").
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'ansinh-precompress',
    apply: 'build',
    configResolved(c) {
      outDir = path.resolve(c.root, c.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
          const p = path.join(dir, d.name);
          return d.isDirectory() ? walk(p) : [p];
        });
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json|txt)$/.test(file)) continue;
        const data = fs.readFileSync(file);
        if (data.length < 1024) continue;
        fs.writeFileSync(
          `${file}.br`,
          zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
      }
    },
  };
}

// The app is served by the Fastify server from packages/web/dist on the same origin as the API.
// In development (`npm run dev -w @ansinh/web`) Vite proxies /api to that server.
export default defineConfig({
  plugins: [react(), precompress()],
  resolve: {
    // `source` first, so `@ansinh/domain` resolves to its TypeScript source (no build step).
    conditions: ['source', ...defaultClientConditions],
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:8080', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      // Two entries: the officers' app, and the citizen's pages (/tra-cuu, /cong-khai) without React or antd.
      input: {
        main: path.resolve(import.meta.dirname, 'index.html'),
        public: path.resolve(import.meta.dirname, 'public.html'),
      },
      output: {
        // Long-lived vendor chunks with stable names; antd stays split by the components each
        // page uses, so the login page does not load the table, tree and date picker.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/ },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
          ],
        },
      },
    },
  },
});

import { defaultClientConditions, defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The app is served by the Fastify server from packages/web/dist on the same origin as the API.
// In development (`npm run dev -w @ansinh/web`) Vite proxies /api to that server.
export default defineConfig({
  plugins: [react()],
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
    // antd + react are one large vendor chunk by nature; feature pages are split with React.lazy.
    chunkSizeWarningLimit: 1200,
  },
});

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
    rolldownOptions: {
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

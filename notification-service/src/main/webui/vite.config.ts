import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built by Quinoa during the Maven build (npm ci && npm run build) and served by
// notification-service. `npm run dev` (Quinoa's dev server in quarkus:dev) proxies /api there.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});

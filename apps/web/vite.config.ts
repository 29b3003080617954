import { defineConfig, type ProxyOptions } from 'vite';
import solid from 'vite-plugin-solid';

// `pnpm dev` runs the API on :3000; the dashboard's dev server forwards to it.
const api = 'http://localhost:3000';

// The API refuses writes from another origin: in development the proxy presents
// the dashboard's requests as the API's own, as they are once built.
const sameOrigin: ProxyOptions = {
  target: api,
  changeOrigin: true,
  configure(proxy) {
    proxy.on('proxyReq', (request) => {
      if (request.getHeader('origin')) request.setHeader('origin', api);
    });
  },
};

export default defineConfig({
  plugins: [solid()],
  server: {
    proxy: {
      '/trpc': sameOrigin,
      '/api': sameOrigin,
      '/healthz': api,
    },
  },
  build: {
    outDir: 'dist',
    target: 'es2022',
    // dist/.vite/manifest.json maps each module to its chunk and imports: the
    // bundle-size budget (tests/budgets) walks it to find what a page loads.
    manifest: true,
  },
});

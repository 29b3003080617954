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

// Every page loads the framework, and nearly every page (a resident's home page
// included) the modules below: one file of each compresses better than the
// dozens of small ones the split would otherwise make (see docs/performance.md).
const FRAMEWORK_MODULES = /node_modules\/\.pnpm\/(solid-js|@solidjs|@tanstack|@trpc)[@+]/;
const COMMON_MODULES = new RegExp(
  [
    String.raw`/apps/web/src/lib/(dates|errors|forms|query-client|trpc)\.tsx?$`,
    String.raw`/apps/web/src/components/(page|shell|disclosure|action-button|icon)\.tsx$`,
    String.raw`/apps/web/src/account/(session|guard)\.tsx?$`,
    String.raw`/apps/web/src/(check-ins|chores|meetings|passes|residents|rules|support)/(data|format)\.ts$`,
    String.raw`/apps/web/src/chores/status\.tsx$`,
    String.raw`/packages/domain/src/(labels|access/roles|rules/rule-labels|check-ins/check-in-labels|chores/chore-labels|support/support-labels)\.ts$`,
  ].join('|'),
);

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
    // every browser of the last few years preloads modules itself; an older one
    // fetches a page's modules as it meets them, which only costs it time
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'framework', test: FRAMEWORK_MODULES },
            { name: 'common', test: COMMON_MODULES },
          ],
        },
      },
      treeshake: {
        // tRPC's and TanStack Query's packages do not say that their modules have
        // no side effects (they have none), so what the dashboard does not use,
        // such as the WebSocket link, would be kept
        moduleSideEffects: (id: string) => !/node_modules\/\.pnpm\/@(trpc|tanstack)\+/.test(id),
      },
    },
  },
});

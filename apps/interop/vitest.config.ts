import { browserProject } from '@chorus/api/testing/browser';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Vue's full build: it compiles the page's template at run time, as a CDN-style Vue page does.
  resolve: { alias: { vue: 'vue/dist/vue.esm-bundler.js' } },
  define: {
    __VUE_OPTIONS_API__: 'true',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  test: {
    projects: [
      // Two self-contained copies of a Chorus package on one page, in Chromium driven from Node.
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.node.test.ts'],
          hookTimeout: 180_000,
          testTimeout: 60_000,
        },
      },
      // Plain HTML and Vue pages using the elements directly: a real Chromium against the real API.
      { extends: true, test: browserProject(63320) },
    ],
  },
});

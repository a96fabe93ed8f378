import { defineMain } from '@storybook/web-components-vite/node';

export default defineMain({
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: { disableTelemetry: true },
  // A demo for people evaluating Chorus, not a new Storybook project: no setup checklist.
  features: { sidebarOnboardingChecklist: false },
  viteFinal: (config) => ({
    ...config,
    optimizeDeps: {
      ...config.optimizeDeps,
      // The renderer imports this Lit module; left raw, it pulls in a second copy of lit-html beside
      // the pre-bundled one ("Multiple versions of Lit loaded").
      include: [...(config.optimizeDeps?.include ?? []), 'lit/directive-helpers.js'],
    },
    // Storybook's own manager and axe make large chunks; the demo is not a page anyone ships.
    build: { ...config.build, chunkSizeWarningLimit: 1500 },
  }),
});

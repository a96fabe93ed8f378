/** The README's code blocks, served by the `readmeSnippets` Vite plugin (see vitest.config.ts). */
declare module 'virtual:readme-snippet/*' {}

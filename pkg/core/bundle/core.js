// Placeholder until src/core/index.ts exists; npm run build:core writes the real bundle.
throw new Error('the core bundle is not built yet: run npm run build:core');

package core

import _ "embed"

// bundleName names the bundle in JavaScript stack traces.
const bundleName = "core.js"

// bundleSource is src/core bundled by scripts/build-core-bundle.mjs (npm run build:core).
//
//go:embed bundle/core.js
var bundleSource string

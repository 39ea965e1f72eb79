# syntax=docker/dockerfile:1
# The dev stack's images, built from source in stages:
#   frontend  webpack bundle (dist/module.js, plugin.json, img) and the core bundle for goja
#   backend   the Go executable for the platform the image runs on
#   grafana   Grafana with the plugin in its plugins folder
#   ces       the reference CES service
# docker-compose.yaml builds the `grafana` and `ces` targets.

ARG NODE_IMAGE=node:20-bookworm
ARG NODE_SLIM_IMAGE=node:20-bookworm-slim
ARG GO_IMAGE=golang:1.26-bookworm
ARG GRAFANA_IMAGE=grafana/grafana:13.1.1

# Every npm package, installed once from the lock file; better-sqlite3 compiles here (the full
# node image has python3, make and g++).
FROM ${NODE_IMAGE} AS deps
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS frontend
COPY tsconfig.json webpack.config.js CHANGELOG.md ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build:frontend && npm run build:core

# One executable, for the architecture of the image being built, named as Grafana looks for it.
FROM ${GO_IMAGE} AS backend
ARG TARGETOS=linux
ARG TARGETARCH=amd64
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY pkg ./pkg
COPY --from=frontend /src/pkg/core/bundle ./pkg/core/bundle
RUN CGO_ENABLED=0 GOOS=${TARGETOS} GOARCH=${TARGETARCH} \
    go build -trimpath -ldflags '-s -w' -o dist/gpx_cloudeye_${TARGETOS}_${TARGETARCH} ./pkg

FROM ${GRAFANA_IMAGE} AS grafana
COPY --from=frontend /src/dist/ /var/lib/grafana/plugins/hwc-cloudeye-datasource/
COPY --from=backend /src/dist/ /var/lib/grafana/plugins/hwc-cloudeye-datasource/

# The reference service runs its TypeScript with tsx; only production packages are kept.
FROM deps AS ces-deps
RUN npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_SLIM_IMAGE} AS ces
WORKDIR /app
ENV NODE_ENV=production
COPY --from=ces-deps /src/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY src/ces ./src/ces
COPY server ./server
EXPOSE 8090
CMD ["node_modules/.bin/tsx", "server/main.ts", "--host", "0.0.0.0", "--port", "8090", \
     "--db", "/tmp/ces.db"]

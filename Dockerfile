# syntax=docker/dockerfile:1
# One image per service, from this one file:  docker build --build-arg APP=citizen-requests .
# APP is an app under apps/ that has src/config.ts (docker-compose.yml and deploy/k8s name them).
ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: install everything, compile the app (tsc keeps the workspace layout), drop dev deps ---
FROM ${NODE_IMAGE} AS build
ARG APP
RUN test -n "${APP}" || { echo 'build with --build-arg APP=<app under apps/>' >&2; exit 1; }
ENV NX_DAEMON=false NX_NO_CLOUD=true CI=true
WORKDIR /workspace
COPY package.json package-lock.json ./
# `npm ci` rejects this lockfile (it lacks other platforms' optional binaries): architecture.md section 8.
RUN npm install --no-audit --no-fund
COPY . .
# tsc -p apps/${APP}/tsconfig.app.json: dist/apps/${APP}/apps/${APP}/src/*.js and dist/apps/${APP}/libs/*
# An app with a database has src/migrate.ts (its migrate command); the gateway has none.
RUN npx nx run ${APP}:build \
 && test -f dist/apps/${APP}/apps/${APP}/src/main.js \
 && { test ! -f apps/${APP}/src/migrate.ts || test -f dist/apps/${APP}/apps/${APP}/src/migrate.js; }
# Files an app reads at run time besides its code, at the same path under the working directory:
# the gateway's committed apps/gateway/supergraph.graphql (SUPERGRAPH_FILE, relative to /app),
# and the calendar data of libs/calendar for an app that uses it.
RUN mkdir -p runtime-files/apps/${APP} \
 && for f in apps/${APP}/*.graphql; do if [ -f "$f" ]; then cp "$f" runtime-files/apps/${APP}/; fi; done
# The Kazakhstan working-day calendar's yearly data, read next to the compiled libs/calendar.
RUN mkdir -p dist/apps/${APP}/libs/calendar \
 && if [ -d dist/apps/${APP}/libs/calendar/src ]; then cp -r libs/calendar/data dist/apps/${APP}/libs/calendar/; fi
RUN npm prune --omit=dev

# --- runtime: compiled app, production node_modules, the @seriktes/* resolver; non-root ---
FROM ${NODE_IMAGE} AS runtime
ARG APP
ENV APP=${APP} NODE_ENV=production
WORKDIR /app
COPY --from=build /workspace/package.json ./package.json
COPY --from=build /workspace/node_modules ./node_modules
COPY --from=build /workspace/.swcrc.json ./.swcrc.json
# tools/register.js resolves `@seriktes/<lib>` to the nearest libs/<lib>/src/index.js, here
# dist/apps/${APP}/libs/<lib>/src/index.js; it compiles nothing at run time (no .ts in the image).
COPY --from=build /workspace/tools/register.js ./tools/register.js
COPY --from=build /workspace/dist/apps/${APP} ./dist/apps/${APP}
COPY --from=build /workspace/runtime-files/ ./
# The `node` user of the base image (uid 1000); deploy/k8s sets runAsUser: 1000 to match.
USER node
# The service: `exec` makes node PID 1 of the container so it receives SIGTERM and shuts down gracefully.
# The migrate command of an app with a database (docker-compose.yml, deploy/k8s Jobs) overrides it:
#   node -r ./tools/register.js dist/apps/<APP>/apps/<APP>/src/migrate.js
CMD ["/bin/sh", "-c", "exec node -r ./tools/register.js dist/apps/${APP}/apps/${APP}/src/main.js"]

# One image for every service; SERVICE picks the one that runs (its folder under services/, its name
# in the service catalogue, libs/catalogue). It runs the service's build (dist/, tools/build) with
# plain Node, as `npm start` does: no compiler and no TypeScript in the image.
#   docker build -t cms .
#   docker run -e SERVICE=meter-points -e DATABASE_URL=... -e KAFKA_BROKERS=... cms

# The build: every dependency (the compiler is a dev dependency), then the services and libraries
# compiled into dist/ (each project as its Nx `build` target compiles it) and the web app the gateway
# serves at / into dist/web (WEB_APP_DIR), as tools/web/build-web.ts builds it.
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# npm install rather than npm ci: see tools/cms.sh.
RUN npm install --no-audit --no-fund --loglevel=error
COPY tsconfig.json tsconfig.base.json ./
COPY tools/build ./tools/build
COPY libs ./libs
COPY services ./services
RUN for project in libs/* services/*; do node -r @swc-node/register tools/build/compile.ts "$project" || exit 1; done
COPY web ./web
RUN node node_modules/vite/bin/vite.js build web --logLevel warn

# What runs: the production dependencies and the build.
FROM node:24-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --omit=dev --no-audit --no-fund --loglevel=error && npm cache clean --force
COPY --from=build /app/dist ./dist

# Services listen on loopback by default (a laptop); in a container they must listen on all interfaces.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    SERVICE=gateway

# The image's unprivileged user (uid 1000); nothing under /app needs to be writable.
USER node

# Every service's port, from the service catalogue (`npm run catalogue -- write` sets this line).
EXPOSE 8080 8081 8082 8083 8084 8085 8086 8087
STOPSIGNAL SIGTERM
CMD ["sh", "-c", "exec node --enable-source-maps \"dist/services/${SERVICE}/src/main.js\""]

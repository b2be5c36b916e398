# One image for every service; SERVICE picks the one that runs (its folder under services/, its name
# in the service catalogue, libs/catalogue). TypeScript runs through @swc-node/register, as with `npm start`.
#   docker build -t cms .
#   docker run -e SERVICE=meter-points -e DATABASE_URL=... -e KAFKA_BROKERS=... cms
FROM node:24-slim

WORKDIR /app

# Dependencies first, so that a source change does not reinstall them. The dev dependencies stay:
# @swc-node/register compiles the TypeScript at start.
COPY package.json package-lock.json ./
# npm install rather than npm ci: see tools/cms.sh.
RUN npm install --no-audit --no-fund --loglevel=error && npm cache clean --force

COPY tsconfig.json tsconfig.base.json ./
COPY libs ./libs
COPY services ./services
# The web app the gateway serves at / (WEB_APP_DIR, /app/dist/web), built as tools/web/build-web.ts builds it.
COPY web ./web
RUN node node_modules/vite/bin/vite.js build web --logLevel warn

# Services listen on loopback by default (a laptop); in a container they must listen on all interfaces.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    SERVICE=gateway

# The image's unprivileged user (uid 1000); nothing under /app needs to be writable.
USER node

# Every service's port, from the service catalogue (`npm run catalogue -- write` sets this line).
EXPOSE 8080 8081 8082 8083 8084 8085 8086 8087
STOPSIGNAL SIGTERM
CMD ["sh", "-c", "exec node --enable-source-maps -r @swc-node/register \"services/${SERVICE}/src/main.ts\""]

#!/usr/bin/env bash
# Entry point of the README's commands (`npm start`, `npm test`, `npm run bench`).
# It installs what is missing, then runs the command on the Node 24 LTS runtime that npm installs into
# node_modules (the `node` package), whatever Node runs npm itself: `start` from its build, the
# others from their TypeScript.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

stamp=node_modules/.cms-installed
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ package.json -nt "$stamp" ]; then
  echo "cms: installing dependencies…"
  # `npm install`, not `npm ci`: the lockfile pins every version, but registries that serve only
  # this platform's optional binaries leave the others out of it, and `npm ci` refuses that.
  npm install --no-audit --no-fund --loglevel=error
  touch "$stamp"
fi

node_bin="$PWD/node_modules/.bin/node"
command=${1:?usage: tools/cms.sh start|test|bench [args]}
shift
if [ "$command" = start ]; then
  # `npm start` runs the build (dist/), its supervisor included, with plain Node: built first when a
  # source is newer than the build (tools/build/build.ts; Nx compiles only the projects that changed).
  "$node_bin" -r @swc-node/register tools/build/build.ts --if-stale
  exec "$node_bin" --enable-source-maps dist/tools/start.js "$@"
fi
exec "$node_bin" --enable-source-maps -r @swc-node/register "tools/$command.ts" "$@"

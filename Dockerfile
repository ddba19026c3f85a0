# syntax=docker/dockerfile:1
#
# The recipe console as an image: the production build served by the console's own server
# (scripts/start.mjs: CSP with script hashes, the sandbox's HTTP edge), as a non-root user.
#
#   docker build -t recipe-console .
#   docker run -p 3000:3000 -v rc-data:/data recipe-console                      # sandbox on SQLite in /data
#   docker run -p 3000:3000 -e CONSOLE_PUBLIC=1 -e CONSOLE_PUBLIC_URL=https://console.example.com \
#     -e SANDBOX_DATABASE_URL=postgres://user:pass@db:5432/sandbox recipe-console    # public, shared state
#
# Every setting is an environment variable (README.md, "Settings"); none is baked in here. The
# image listens on 0.0.0.0:3000 (HOST, PORT) and answers GET /api/health (HEALTHCHECK below).

ARG NODE_IMAGE=node:20-bookworm-slim

# 1. dependencies: the production ones (runtime) and all of them (build); better-sqlite3 compiles
#    from source when no prebuilt binary matches, hence the toolchain in this stage only
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
ENV NEXT_TELEMETRY_DISABLED=1 SCARF_ANALYTICS=false
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev && cp -a node_modules /prod_modules && npm ci

# 2. the production build (next build)
FROM deps AS build
COPY . .
RUN npx next build

# 3. the runtime: the build, the production dependencies, the sources the server reads (recipes,
#    icon, the server scripts), no toolchain, a non-root user
FROM ${NODE_IMAGE} AS runtime
ARG WITH_FFPROBE=false
# optional: ffprobe gives uploaded media their duration and size (about 300 MB more)
RUN if [ "$WITH_FFPROBE" = "true" ]; then \
      apt-get update && apt-get install -y --no-install-recommends ffmpeg && rm -rf /var/lib/apt/lists/*; \
    fi
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 PORT=3000 \
    SANDBOX_DATA_DIR=/data RECIPES_API_CACHE=/data/.cache/api-descriptions
COPY --chown=node:node . .
COPY --from=deps --chown=node:node /prod_modules ./node_modules
COPY --from=build --chown=node:node /app/.next ./.next
RUN mkdir -p /data && chown node:node /data \
 && rm -rf tests docs .ci
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "scripts/start.mjs"]

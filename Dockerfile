# Reach, self-hosted: a production build as Next's standalone server, run as a non-root user.
# docker build -t reach . && docker run -p 3000:3000 --env-file .env reach   (see docs/deploy.md)

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 REACH_DATA_DIR=/data
RUN groupadd --system --gid 1001 reach && useradd --system --uid 1001 --gid reach --home /app reach \
  && mkdir -p /data && chown reach:reach /data
COPY --from=build --chown=reach:reach /app/.next/standalone ./
COPY --from=build --chown=reach:reach /app/.next/static ./.next/static
# Migrations are applied by the server at start (embedded mode) and by `npm run db:migrate`.
COPY --from=build --chown=reach:reach /app/supabase ./supabase
USER reach
EXPOSE 3000
VOLUME ["/data"]
# Liveness only: /api/health does no I/O (readiness is /api/ready, for the load balancer).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "server.js"]

# syntax=docker/dockerfile:1
# Build stage: install production dependencies only, from the lockfile. npm ci runs `prepare`, which bundles the
# officer console into console/dist with esbuild and preact (both production dependencies for that reason).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY console ./console
RUN npm ci --omit=dev --no-audit --no-fund

# Runtime stage: no compilers, no dev tools, a non-root user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=8080 DATA_DIR=/var/lib/tradescreen
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/console/dist ./console/dist
COPY package.json openapi.yaml ./
COPY src ./src
COPY workers ./workers
COPY migrations ./migrations
RUN useradd --system --uid 10001 --home /app tradescreen \
 && mkdir -p /var/lib/tradescreen && chown tradescreen /var/lib/tradescreen
USER tradescreen
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# One node process (no npm wrapper) so SIGTERM reaches the service and it drains in-flight requests.
CMD ["node", "--import", "tsx", "src/main.ts"]

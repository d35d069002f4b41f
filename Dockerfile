# Verkostopulssi: docker build -t verkostopulssi . (README "Deployment").

# Build stage: every dependency, the compiled server in dist/ and the hashed bundles in public/build/.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
COPY public ./public
RUN npm run build

# Runtime stage: production dependencies and the built output only; no compiler, no sources.
FROM node:24-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY surveys ./surveys
COPY migrations ./migrations
COPY --from=build /app/dist ./dist
COPY --from=build /app/public ./public

# The data and the key on separate volumes: a copy of one must never carry the other.
ENV HOST=0.0.0.0 \
    PORT=3000 \
    DATABASE_URL=file:/data/verkostopulssi.db \
    BACKUP_DIR=/data/backups \
    SECRET_KEY_FILE=/keys/secret.key
RUN mkdir -p /data /keys && chown node:node /data /keys && chmod 700 /keys
VOLUME ["/data", "/keys"]
# The application's files stay root's and read-only to the server.
USER node
EXPOSE 3000

# Slim images have no curl; node itself asks.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The same start as npm start, with node as the main process so that SIGTERM reaches the server.
CMD ["node", "dist/index.js"]

# One image for every process: `docker run culture-ticket api|worker|gateway|migrate|seed`.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY tsconfig.json ./
COPY src ./src
USER node
# SIGTERM goes straight to the Node process, which drains (see docs/deployment.md). Not through the tsx
# CLI: it relays a signal to its child and kills the child if that does not acknowledge within 30 ms,
# which a busy process misses.
ENTRYPOINT ["node", "--import", "tsx", "src/main.ts"]
CMD ["api"]

# One image for every process: `docker run culture-ticket api|worker|gateway|migrate|seed`.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY tsconfig.json ./
COPY src ./src
USER node
# SIGTERM goes straight to the Node process, which drains (see docs/deployment.md).
ENTRYPOINT ["node_modules/.bin/tsx", "src/main.ts"]
CMD ["api"]

# conform as a container: docker build -t conform . && docker run --rm -v "$PWD:/data" conform validate /data/spend.csv -s spend-over-500
# The build stage builds and packs the package exactly as it is published to npm; the image installs that
# tarball alone (no sources, no development dependencies) and runs as the unprivileged user node.
FROM node:20-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build && npm pack --ignore-scripts --pack-destination /tmp && mv /tmp/conform-data-*.tgz /tmp/conform-data.tgz

FROM node:20-slim
ENV NODE_ENV=production
COPY --from=build /tmp/conform-data.tgz /tmp/conform-data.tgz
RUN npm install --global --omit=dev --no-audit --no-fund /tmp/conform-data.tgz && rm /tmp/conform-data.tgz && npm cache clean --force
USER node
WORKDIR /data
ENTRYPOINT ["conform"]
CMD ["--help"]

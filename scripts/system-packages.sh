#!/usr/bin/env bash
# Debian packages the tests need beyond the base machine. Installs only what is missing.
set -euo pipefail

# Add a package here when a suite needs a real server or tool from Debian.
PACKAGES=(
  nginx       # test/nginx.test.ts: API instances behind the real load balancer
  prometheus  # test/prometheus.test.ts: a real Prometheus scraping the API; promtool
  chromium    # the browser the end-to-end journeys drive (npm run test:e2e)
  fonts-nanum # Korean glyphs, so screenshots of the Korean pages are legible
)

NEEDED=()
for pkg in "${PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || NEEDED+=("$pkg")
done

if [ ${#NEEDED[@]} -gt 0 ]; then
  echo "installing: ${NEEDED[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${NEEDED[@]}"
else
  echo "nothing to install"
fi

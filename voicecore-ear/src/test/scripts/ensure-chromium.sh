#!/bin/sh
# Makes Debian's chromium and chromium-driver available for the softphone's browser test (SoftphoneIT).
# Run by the ear module's build before the integration tests. A test tool's own browser download does
# not work on the project's machines, so the distribution's packages are used. Never fails the build:
# when the packages cannot be installed (not root, no apt) the browser test skips itself and says why.
set -u
have() { command -v "$1" >/dev/null 2>&1; }
if have chromium && have chromedriver; then
    echo "ensure-chromium: $(chromium --version 2>/dev/null) and $(chromedriver --version 2>/dev/null | cut -d' ' -f1-2) present"
    exit 0
fi
if [ "$(id -u)" != "0" ]; then
    echo "ensure-chromium: chromium/chromedriver missing and not root: the browser test will be skipped" >&2
    exit 0
fi
if ! have apt-get; then
    echo "ensure-chromium: chromium/chromedriver missing and no apt-get: the browser test will be skipped" >&2
    exit 0
fi
echo "ensure-chromium: installing Debian's chromium and chromium-driver (first run only)"
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -q --no-install-recommends chromium chromium-driver >/dev/null 2>&1; then
    apt-get update -q >/dev/null 2>&1 || true
    apt-get install -y -q --no-install-recommends chromium chromium-driver >/dev/null 2>&1 \
        || echo "ensure-chromium: apt-get install failed: the browser test will be skipped" >&2
fi
if have chromium && have chromedriver; then
    echo "ensure-chromium: installed $(chromium --version 2>/dev/null)"
fi
exit 0

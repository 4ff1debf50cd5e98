#!/usr/bin/env bash
# Installs the Python component runner's environment from Debian's packages when it is missing: Python 3 with what
# hetida's base components import (pandas, numpy, scipy, scikit-learn, plotly, pydantic 1.x, and at module level
# numba, dateparser and statsmodels for five of them) and bubblewrap for the sandbox. Idempotent. The same environment
# from pip: src/Runwire.Python/worker/requirements.txt.
set -euo pipefail

if /usr/bin/python3 -c 'import pandas, numpy, scipy, sklearn, plotly, pydantic, numba, dateparser, statsmodels' 2>/dev/null && command -v bwrap >/dev/null; then
  exit 0
fi
echo "installing Python and bubblewrap for the Python component runner" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq python3 python3-pandas python3-numpy python3-scipy python3-sklearn python3-plotly python3-pydantic \
  python3-numba python3-dateparser python3-statsmodels bubblewrap >&2

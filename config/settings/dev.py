"""Settings for `make run` on one's own machine: debug on unless the environment says otherwise."""

import os

os.environ.setdefault("DEBUG", "1")

from .base import *  # noqa: E402,F403
from .base import env_bool  # noqa: E402

# The demo's administrators and managers would otherwise need an authenticator app; the login page says so.
TRETHO_DEMO_SKIP_2FA = env_bool("TRETHO_DEMO_SKIP_2FA", True)

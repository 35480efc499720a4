ROUTES: list = []

# Indicator results, the dashboard's numbers (api_results.py).
from .api_results import ROUTES as RESULT_ROUTES  # noqa: E402

ROUTES += RESULT_ROUTES

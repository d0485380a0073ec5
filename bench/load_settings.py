"""Settings for the load benchmark's server (bench/bench_load.py): production settings with three changes.

- The online-application rate limits are raised: every simulated applicant comes from 127.0.0.1, which the
  per-IP limit (5 an hour) would stop after five submissions. Each simulated applicant has a new ID number,
  so the per-applicant limit is not what the run exercises either. Production keeps the defaults.
- Static files use the plain storage: the run fetches no static files, so no collectstatic manifest is built.
- Nothing else: DEBUG, cookies, CSP, sessions and the database are configured by the environment
  (bench_load.py sets DEBUG off, a random secret key, plain HTTP on loopback).
"""

from web.settings import *  # noqa: F403
from web.settings import STORAGES

XXGK_APPLY_PER_IP_PER_HOUR = 1_000_000
XXGK_APPLY_PER_APPLICANT_PER_MONTH = 1_000_000
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}

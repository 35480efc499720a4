"""Gunicorn settings for production: `gunicorn -c config/gunicorn.conf.py` (see docs/deploy.md).

Every value can be changed from the environment, so one file serves a laptop and a national cluster. The app
servers keep no state of their own (sessions live in the database, files in MEDIA_ROOT on shared storage), so
any number of them can stand behind the proxy.
"""

import multiprocessing
import os

wsgi_app = "config.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
# Sync workers: the work is database-bound and short; 2 × cores + 1 is gunicorn's own advice.
workers = int(os.environ.get("WEB_CONCURRENCY", str(multiprocessing.cpu_count() * 2 + 1)))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))  # report exports can take a while
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak never takes a server down; jitter keeps them from restarting together.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108 - heartbeat files, not data
# The proxy in front sets X-Forwarded-Proto / X-Forwarded-For; trust only the proxies listed here.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# Path without the query string: search terms may contain people's names, which never go to the logs.
access_log_format = '%({x-forwarded-for}i)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'

proc_name = "tretho"

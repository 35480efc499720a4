#!/usr/bin/env python3
"""Print the demo accounts (`make run` shows them before the server starts).

The same list as the login page (tretho.accounts.demo_logins): users whose username starts with "demo.".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")


def main() -> int:
    import django

    django.setup()
    from tretho.accounts.demo_logins import DEMO_PASSWORD, demo_logins

    rows = demo_logins()
    if not rows:
        print("Chưa có tài khoản dùng thử (tretho demo) / no demo accounts yet.")
        return 0
    width = max(len(row["username"]) for row in rows)
    role_width = max(len(row["role"]) for row in rows)
    print(f"\nTài khoản dùng thử / demo logins — mật khẩu / password: {DEMO_PASSWORD}")
    for row in rows:
        print(f"  {row['username']:<{width}}  {row['role']:<{role_width}}  {row['unit']}")
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())

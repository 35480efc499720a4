#!/usr/bin/env python
"""Same as the `tretho` console script."""

from tretho.cli import main

if __name__ == "__main__":
    main()

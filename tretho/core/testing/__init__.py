"""Test helpers shared by every app's tests: a small scope world and the model suites ("tests as declarations").

Imported by tests only; nothing in the running site depends on it.
"""

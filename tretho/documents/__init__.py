"""Official documents (Word, Excel, PDF) rendered from plain data. Imports no models: callers adapt their
records into the dataclasses of `official.py` and hand them over."""

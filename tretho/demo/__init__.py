"""Demo data for the places of the three reference plans (Đồng Nai 2017, Hương An 2019, Ninh Bình 2019).

`data` holds the records as plain Python structures; `load` writes them idempotently. Not a Django app: it has
no models of its own, only records of geo, orgs and accounts. Run it with `tretho demo`.
"""

"""Read-only queries: the firm list (search, filter, sort), dashboard and report aggregates, bulk I/O.

Plain SQL over the tables the repositories write; may import ``db`` core modules (errors, records).
"""

"""Performance benchmarks (``python3 -m tests.benchmarks``); not part of the test run.

Files are named ``bench_*.py`` so pytest never collects them. See
``docs/benchmarks.md`` for the budget, the method and the latest numbers.
"""

"""Made-up but realistic demo data: client firms and interview answers, reproducible from a seed.

May import the other domain packages (registry, assessment); nothing in the domain imports it.
"""

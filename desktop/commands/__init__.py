"""Command-line subcommands, one module per topic.

Each module defines ``register(subparsers)``, which adds its subcommands and
sets ``handler`` on each; a handler takes the parsed ``args`` and returns the
exit status. ``desktop.cli`` lists the modules.
"""

"""Use cases that join the domain and the storage package; the GUI and the CLI call only these."""

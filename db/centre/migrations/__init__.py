"""The centre server's numbered migrations (SQL files, applied in order by db.centre.server)."""

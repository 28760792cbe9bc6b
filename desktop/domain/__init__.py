"""Pure domain logic: no Qt, no SQL. Dataclasses in, dataclasses out."""

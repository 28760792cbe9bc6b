"""Scripts that write results into a shared page (docs/faults.md) each own one marked block of it."""

from __future__ import annotations

from pathlib import Path


def write_block(path: Path, name: str, text: str) -> None:
    """Replace the block ``name`` of ``path`` with ``text`` (added at the end the first time)."""
    begin, end = f"<!-- begin {name} -->", f"<!-- end {name} -->"
    page = path.read_text(encoding="utf-8") if path.exists() else ""
    block = f"{begin}\n{text.rstrip()}\n{end}"
    if begin in page and end in page:
        head, rest = page.split(begin, 1)
        page = head + block + rest.split(end, 1)[1]
    else:
        page = (page.rstrip() + "\n\n" if page.strip() else "") + block + "\n"
    path.write_text(page, encoding="utf-8")

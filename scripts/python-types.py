"""Generates python/giftsim/_types.pyi, the TypedDicts of every request and answer of the Python
package, from the JSON Schemas in docs/schema/ (which the Rust tests keep equal to the Rust
types), with datamodel-code-generator. The TypeScript types come from the same schemas
(scripts/wasm-types.mjs).

    python scripts/python-types.py          write the file (`make types`)
    python scripts/python-types.py --check  fail if the file is not what the schemas give
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "docs" / "schema"
TARGET = ROOT / "python" / "giftsim" / "_types.pyi"
BANNER = """\
# The types of giftsim's requests and answers, generated from docs/schema/*.json by
# scripts/python-types.py (`make types`); do not edit. Money is a decimal string throughout.
"""


def merged() -> dict:
    """Every schema's definitions in one place, each top-level schema under its title."""
    defs, titles = {}, []
    for path in sorted(SCHEMAS.glob("*.json")):
        schema = json.loads(path.read_text())
        schema.pop("$schema", None)
        own = schema.pop("$defs", {})
        title = schema.pop("title")
        for name, definition in list(own.items()) + [(title, schema)]:
            if name in defs and defs[name] != definition:
                sys.exit(f"{path.name}: definition {name} differs from another schema's")
            defs[name] = definition
        titles.append(title)
    return {"title": "GiftsimSchemas", "type": "object", "additionalProperties": False,
            "properties": {t: {"$ref": f"#/$defs/{t}"} for t in titles}, "$defs": defs}


def generate() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        source, out = Path(tmp) / "schemas.json", Path(tmp) / "types.py"
        source.write_text(json.dumps(merged()))
        subprocess.run(
            [sys.executable, "-m", "datamodel_code_generator", "--input", str(source),
             "--input-file-type", "jsonschema", "--output-model-type", "typing.TypedDict",
             "--target-python-version", "3.10", "--disable-timestamp", "--formatters", "builtin",
             "--use-schema-description", "--use-field-description", "--output", str(out)],
            check=True, capture_output=True, text=True)
        text = out.read_text()
    # The generator's own header, and the container of every schema (not a type of the API).
    text = text[text.index("from __future__"):]
    # TypeAlias is typing's from Python 3.10; the package supports 3.9.
    text = text.replace("from typing import Any, Literal, TypeAlias\n", "from typing import Any, Literal\n")
    text = text.replace("from typing_extensions import NotRequired, TypedDict\n",
                        "from typing_extensions import NotRequired, TypeAlias, TypedDict\n")
    cut = text.index("class GiftsimSchemas(")
    rest = text.find("\nclass ", cut + 1)
    text = text[:cut].rstrip() + "\n" + ("" if rest < 0 else text[rest:])
    return BANNER + "\n" + text


def main():
    text = generate()
    if "--check" in sys.argv:
        if not TARGET.exists() or TARGET.read_text() != text:
            sys.exit(f"{TARGET.relative_to(ROOT)} is not current: run `make types`")
        return
    TARGET.write_text(text)


if __name__ == "__main__":
    main()

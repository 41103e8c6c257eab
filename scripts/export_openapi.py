"""Write the delivery API's OpenAPI document, as the example site serves it, into
docs/reference/openapi.json (``make openapi``). A test fails when the copy is stale."""

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "reference" / "openapi.json"


def main() -> None:
    sys.path[:0] = [str(ROOT / "example_site"), str(ROOT)]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_site.settings")
    import django

    django.setup()
    from django.test import Client

    response = Client().get("/api/network/openapi.json")
    if response.status_code != 200:
        raise SystemExit(f"openapi.json answered {response.status_code}")
    TARGET.write_text(json.dumps(response.json(), indent=2, ensure_ascii=False) + "\n")
    print(f"Wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

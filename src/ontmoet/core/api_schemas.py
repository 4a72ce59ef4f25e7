"""Shared OpenAPI shapes: the problem details every endpoint answers errors with (written by ontmoet.api.errors,
documented for every operation by the hook in ontmoet.api.schemas). Here, in core, because apps may name them.
"""

from __future__ import annotations

from typing import Any

#: The media type of error answers (RFC 9457; NL API Design Rules /core/problem-details).
PROBLEM = "application/problem+json"

PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "Probleemdetails volgens RFC 9457.",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string", "description": "Soort probleem; about:blank: zie status en title."},
        "title": {"type": "string", "description": "Korte omschrijving van het soort probleem."},
        "status": {"type": "integer", "description": "De HTTP-statuscode."},
        "detail": {"type": "string", "description": "Uitleg bij dit geval, in het Nederlands."},
        "instance": {"type": "string", "description": "Het pad van het verzoek."},
        "invalidParams": {
            "type": "array",
            "description": "Bij ongeldige invoer: per veld wat er niet klopt.",
            "items": {
                "type": "object",
                "required": ["name", "reason"],
                "properties": {
                    "name": {"type": "string", "description": "Het veld of de sleutel (met punten genest)."},
                    "reason": {"type": "string"},
                },
            },
        },
    },
}

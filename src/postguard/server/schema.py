"""The OpenAPI 3.1 description of the service, served at /openapi.json."""

from __future__ import annotations

from typing import Any

from .. import __version__
from ..model import Category


def _error() -> dict[str, Any]:
    return {"description": "error", "content": {"application/json": {"schema": {
        "$ref": "#/components/schemas/Error"}}}}


def openapi(limits: Any) -> dict[str, Any]:
    post_input = {
        "required": True,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/PostIn"}},
            "multipart/form-data": {"schema": {"type": "object", "properties": {
                "text": {"type": "string"},
                "metadata": {"type": "string", "description": "a JSON object"},
                "id": {"type": "string"},
                "images": {"type": "array", "items": {"type": "string", "format": "binary"}},
            }}},
        },
    }
    errors = {"400": _error(), "408": _error(), "413": _error(), "415": _error(),
              "422": _error()}
    return {
        "openapi": "3.1.0",
        "info": {"title": "postguard", "version": __version__,
                 "description": "Screens social-media drafts against an online safety policy."
                 f" Limits: body {limits.max_body} bytes, {limits.max_images} images of at "
                 f"most {limits.max_pixels} pixels, {limits.max_text} bytes of text, "
                 f"{limits.timeout:g} s per request."},
        "paths": {
            "/v1/screen": {"post": {
                "summary": "Screen a draft: the report (DESIGN.md JSON report)",
                "requestBody": post_input,
                "responses": {"200": {"description": "the report", "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/Report"}}}},
                    **errors}}},
            "/v1/redact": {"post": {
                "summary": "Screen a draft and return its redacted text and images",
                "requestBody": post_input,
                "responses": {"200": {"description": "report and redactions", "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/Redacted"}}}},
                    **errors}}},
            "/healthz": {"get": {"summary": "Liveness", "responses": {"200": {
                "description": "ok"}}}},
        },
        "components": {"schemas": {
            "PostIn": {"type": "object", "additionalProperties": False, "properties": {
                "text": {"type": "string"},
                "images": {"type": "array", "items": {"type": "string",
                                                      "contentEncoding": "base64"}},
                "metadata": {"type": "object"},
                "id": {"type": ["string", "integer", "null"]}}},
            "Finding": {"type": "object", "required": ["code", "category", "severity"],
                        "properties": {
                "code": {"type": "string"}, "detector": {"type": "string"},
                "category": {"type": "string", "enum": [c.value for c in Category]},
                "severity": {"type": "string", "enum": ["low", "medium", "high"]},
                "score": {"type": "number"}, "source": {"type": "string"},
                "start": {"type": ["integer", "null"]}, "end": {"type": ["integer", "null"]},
                "box": {"type": ["array", "null"], "items": {"type": "integer"}},
                "message": {"type": "string"},
                "suggestion": {"type": ["object", "null"]},
                "action": {"type": ["string", "null"]}}},
            "Report": {"type": "object", "required": ["id", "verdict", "findings"],
                       "properties": {
                "id": {"type": ["string", "null"]},
                "verdict": {"type": "string", "enum": ["allow", "review", "block"]},
                "findings": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}},
                "redacted_text": {"type": "string"},
                "errors": {"type": "array", "items": {"type": "object"}}}},
            "Redacted": {"type": "object", "properties": {
                "report": {"$ref": "#/components/schemas/Report"},
                "redacted_text": {"type": "string"},
                "images": {"type": "array", "items": {"type": "object", "properties": {
                    "index": {"type": "integer"}, "content_type": {"type": "string"},
                    "data": {"type": "string", "contentEncoding": "base64"},
                    "error": {"type": "string"}}}}}},
            "Error": {"type": "object", "properties": {"error": {"type": "object",
                      "properties": {"code": {"type": "string"},
                                     "message": {"type": "string"}}}}},
        }},
    }

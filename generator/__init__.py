"""md2sdk: Swagger2Markup-style markdown API docs → typed Python SDK, OpenAPI, tests.

The pipeline, one package or module per stage:
``parse`` (markdown → `model.Page`) → ``resolve`` (pages → `model.Api`) →
``emit`` (model → files as data, through ``templates/``) → ``write`` (format, write).
"""

__version__ = "0.1.0"

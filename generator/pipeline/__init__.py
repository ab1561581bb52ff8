"""The pipeline: config → pages → model → emitters → formatter → writer, with nothing
written on error.

`run` drives a whole generation (`generate`: stamps, loading, emitting, formatting,
the output lock and the change-only write); `emitting` runs one API's targets
(`emit_api`), in worker processes when that pays off.
"""

from generator.pipeline.emitting import EMITTERS, emit_api, load_emitter
from generator.pipeline.run import (
    CACHE_FOLDER,
    ApiResult,
    Loader,
    Progress,
    RunResult,
    Stage,
    Timings,
    generate,
)

__all__ = [
    "CACHE_FOLDER",
    "EMITTERS",
    "ApiResult",
    "Loader",
    "Progress",
    "RunResult",
    "Stage",
    "Timings",
    "emit_api",
    "generate",
    "load_emitter",
]

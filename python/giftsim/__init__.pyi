# Type stubs of the giftsim package. Requests and answers are the JSON objects of the contract,
# as dicts: their TypedDicts (_types.pyi) are generated from the JSON Schemas in docs/schema/.
from decimal import Decimal
from typing import Any, Callable, Dict, List, Literal, Optional, Union

from ._types import (
    AuditRequest,
    AuditResponse,
    CalibrateRequest,
    CalibrateResponse,
    CompareRequest,
    CompareResponse,
    ImportRequest,
    ImportResponse,
    OptimizeRequest,
    OptimizeResponse,
    PlanRequest,
    PlanResponse,
    PowerRequest,
    PowerResponse,
    PresetsResponse,
    QuoteRequest,
    QuoteResponse,
    ScenarioInput,
    SimulateResponse,
    SweepRequest,
    SweepResponse,
)
from ._frames import FRAME_COLUMNS as FRAME_COLUMNS
from ._frames import Frames as Frames
from ._frames import frames as frames

__all__ = [
    "FRAME_COLUMNS",
    "GiftsimError",
    "Frames",
    "audit",
    "calibrate",
    "compare",
    "decimal",
    "frames",
    "import_history",
    "optimize",
    "plan",
    "power",
    "presets",
    "quote",
    "run_json",
    "simulate",
    "sweep",
]
__version__: str
OPERATIONS: tuple[str, ...]

# A request may also be the JSON text the CLI reads.
_Text = Union[str, bytes]
# Called with `(done, total)` as a long run goes; returning `False` cancels it.
_ProgressCallback = Callable[[int, int], Optional[bool]]
# `True` for a bar (tqdm when installed) once a run takes half a second, `False` for none.
_Progress = Union[bool, _ProgressCallback]

class GiftsimError(Exception):
    code: str
    path: str
    message: str
    details: Dict[str, Any]
    def __init__(
        self, code: str, path: str, message: str, details: Optional[Dict[str, Any]] = ...
    ) -> None: ...

def decimal(value: Union[str, int, Decimal]) -> Decimal: ...
def presets() -> PresetsResponse: ...
def quote(request: QuoteRequest | _Text) -> QuoteResponse: ...
def compare(request: CompareRequest | _Text) -> CompareResponse: ...
def plan(request: PlanRequest | _Text) -> PlanResponse: ...
def audit(request: AuditRequest | _Text) -> AuditResponse: ...
def import_history(request: ImportRequest | _Text) -> ImportResponse: ...
def simulate(
    request: ScenarioInput | _Text, *, progress: _Progress = ..., threads: Optional[int] = ...
) -> SimulateResponse: ...
def sweep(
    request: SweepRequest | _Text, *, progress: _Progress = ..., threads: Optional[int] = ...
) -> SweepResponse: ...
def calibrate(
    request: CalibrateRequest | _Text, *, progress: _Progress = ..., threads: Optional[int] = ...
) -> CalibrateResponse: ...
def optimize(
    request: OptimizeRequest | _Text, *, progress: _Progress = ..., threads: Optional[int] = ...
) -> OptimizeResponse: ...
def power(
    request: PowerRequest | _Text, *, progress: _Progress = ..., threads: Optional[int] = ...
) -> PowerResponse: ...
def run_json(
    op: Literal[
        "presets", "quote", "compare", "plan", "audit", "import",
        "simulate", "sweep", "calibrate", "optimize", "power",
    ],
    text: _Text,
    *,
    progress: _Progress = ...,
    threads: Optional[int] = ...,
) -> str: ...

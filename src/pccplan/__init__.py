"""pccplan: police and crime plans as typed objects, their statutory timetable, and their documents."""

from pccplan.errors import (
    DocumentReadError,
    MissingProgramError,
    PccplanError,
    PlanFileError,
    Problem,
    RenderError,
    StatuteError,
    UnknownAreaError,
    ValidationError,
)
from pccplan.model.area import AREAS, BodyKind, Governance, Nation, PoliceArea, all_areas, find_area
from pccplan.model.plan import (
    Commissioner,
    Grant,
    GrantPower,
    Measure,
    Outcome,
    Period,
    Plan,
    ResourceLine,
    Resources,
    Service,
    ServiceKind,
    Theme,
)
from pccplan.model.process import PlanProcess
from pccplan.model.sources import Confidence

__version__ = "0.1.0"

__all__ = [
    "AREAS",
    "BodyKind",
    "Commissioner",
    "Confidence",
    "DocumentReadError",
    "Governance",
    "Grant",
    "GrantPower",
    "Measure",
    "MissingProgramError",
    "Nation",
    "Outcome",
    "PccplanError",
    "Period",
    "Plan",
    "PlanFileError",
    "PlanProcess",
    "PoliceArea",
    "Problem",
    "RenderError",
    "ResourceLine",
    "Resources",
    "Service",
    "ServiceKind",
    "StatuteError",
    "Theme",
    "UnknownAreaError",
    "ValidationError",
    "__version__",
    "all_areas",
    "find_area",
]

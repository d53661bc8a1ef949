"""Opening a caller's Word package safely: the limits, and the zip, parts and XML read within them."""

from pccplan.opc.limits import Limits
from pccplan.opc.package import check_package

__all__ = ["Limits", "check_package"]

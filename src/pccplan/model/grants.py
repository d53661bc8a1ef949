"""The powers a grant is made under (s.7(1)(f)): an enum of its own, below the plan.

`pccplan.model.plan` gives it as its own (`pccplan.model.plan.GrantPower`). It lives here so
that the statute's dated text of s.7(1), which names the powers, does not load the plan's
classes: ``pccplan timeline`` needs the one and not the other.
"""

from __future__ import annotations

import enum

__all__ = ["GrantPower"]


class GrantPower(enum.Enum):
    """The power a grant is made under (s.7(1)(f))."""

    CRIME_AND_DISORDER = "asbcpa-2014-s143-crime-and-disorder"
    """Anti-social Behaviour, Crime and Policing Act 2014 s.143(1)(a): crime and disorder reduction."""
    VICTIMS_AND_WITNESSES = "asbcpa-2014-s143-victims-and-witnesses"
    """Anti-social Behaviour, Crime and Policing Act 2014 s.143(1)(b): services for victims and witnesses."""
    PRSRA_S9 = "prsra-2011-s9"
    """Crime and disorder reduction grants under PRSRA 2011 s.9 (plans of 2012 to 2014)."""

    @property
    def label(self) -> str:
        """The power as a document cites it."""
        return {
            "asbcpa-2014-s143-crime-and-disorder": (
                "Anti-social Behaviour, Crime and Policing Act 2014, s.143 (crime and disorder reduction)"
            ),
            "asbcpa-2014-s143-victims-and-witnesses": (
                "Anti-social Behaviour, Crime and Policing Act 2014, s.143 (victims and witnesses)"
            ),
            "prsra-2011-s9": "Police Reform and Social Responsibility Act 2011, s.9",
        }[self.value]

"""Monitoring of the policy (seed §6, domain.md §7, issue 11): indicators against their targets.

Pure Python. The plan file defines each indicator (kind, formula kind, unit, baseline, target, target year,
comparison); this package computes what can be computed without a database: the respondent-weighted city
value of a survey, the share of activities at places of a type on the activity's date, the trend to the
target year (least squares over the measured years) and the status with its rule.

Shares are fractions between 0 and 1; the plan writes percentages ("85" with unit "%").
"""

from __future__ import annotations

from ontmoet.domain.monitoring.shares import (
    ActivityFact,
    ShareCount,
    activity_share,
    type_segments,
    weighted_share,
)
from ontmoet.domain.monitoring.status import (
    Status,
    StatusResult,
    Trend,
    indicator_status,
    least_squares,
    trend_to,
)

__all__ = [
    "ActivityFact",
    "ShareCount",
    "Status",
    "StatusResult",
    "Trend",
    "activity_share",
    "indicator_status",
    "least_squares",
    "trend_to",
    "type_segments",
    "weighted_share",
]

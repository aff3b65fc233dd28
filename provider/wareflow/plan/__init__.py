"""Planning: which nodes fuse into one statement, and which outputs become tables."""

from wareflow.plan.ir import Plan, Port, Stage
from wareflow.plan.planner import MATERIALIZE_MODES, plan_workflow

__all__ = ["MATERIALIZE_MODES", "Plan", "Port", "Stage", "plan_workflow"]

"""Each dialect file keeps its SQL capabilities apart from its driver's behaviour: a `<Name>Driver` class
(connecting, session state, cancelling, rows written, errors) and the dialect class (functions, types,
DDL, publishing), combined by `WarehouseDialect`. Checked by what each class defines."""

from __future__ import annotations

import pytest

from wareflow.sql.dialects import DIALECTS
from wareflow.sql.dialects.base import Driver, SqlCapabilities, WarehouseDialect

DRIVER_MEMBERS = {k for k in vars(Driver) if not k.startswith("__")}
SQL_MEMBERS = {k for k in vars(SqlCapabilities) if not k.startswith("__")}


def test_the_base_halves_do_not_overlap():
    assert DRIVER_MEMBERS and SQL_MEMBERS and not DRIVER_MEMBERS & SQL_MEMBERS
    assert {"connect", "cancel", "rows_written", "error_kind", "prepare"} <= DRIVER_MEMBERS
    assert {"functions", "types", "publish", "append", "explode"} <= SQL_MEMBERS


@pytest.mark.parametrize("name", sorted(DIALECTS))
def test_a_dialect_is_its_driver_plus_its_sql(name: str):
    dialect = DIALECTS[name]
    driver = dialect.__mro__[1]
    assert driver.__name__ == f"{dialect.__name__}Driver" and issubclass(driver, Driver)
    assert not issubclass(driver, SqlCapabilities)
    assert dialect.__module__ == driver.__module__  # still one file per warehouse
    assert issubclass(dialect, WarehouseDialect)
    own_sql = {k for k in vars(dialect) if not k.startswith("__")}
    own_driver = {k for k in vars(driver) if not k.startswith("__")}
    assert not own_sql & DRIVER_MEMBERS, f"driver behaviour in {dialect.__name__}: {own_sql & DRIVER_MEMBERS}"
    assert not own_driver & SQL_MEMBERS, f"SQL in {driver.__name__}: {own_driver & SQL_MEMBERS}"
    assert own_driver <= DRIVER_MEMBERS, own_driver - DRIVER_MEMBERS

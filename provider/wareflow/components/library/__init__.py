"""The built-in components, one module each. Importing this package registers them."""

from wareflow.components.library import (  # noqa: F401
    buffer,
    casewhen,
    customsql,
    dropcolumn,
    groupby,
    join,
    limit,
    normalize,
    orderby,
    renamecolumn,
    saveastable,
    select,
    selectexpression,
    sources,
    spatialfilter,
    spatialjoin,
    tablefromgeojson,
    where,
    wheresimplified,
)

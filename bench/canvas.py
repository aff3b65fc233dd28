"""The three warehouse-work workflows, built the way CARTO's canvas exports them.

a. ``points_in_polygons``: buffer the neighbourhoods by 50 m, spatial join the stores, group by
   neighbourhood, keep the busy ones, order by revenue, save.
b. ``data_prep``: a 15-node chain on customers: two filters, three new columns (one case-when),
   a rename, a min-max normalisation, a join with the districts lookup, a column drop, a filter on
   a computed column, a group by, an order and a save.
c. ``near_stations``: buffer the stations by 300 m, spatially filter the customers, and save the
   ``match`` and ``unmatch`` branches as two tables.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from tests.support.workflows import WorkflowBuilder, out

PROJECT = "wareflow-bench.bench"  # what the canvas names; mapped to the engine's `bench` schema
TABLE_MAP = {PROJECT: "bench"}


def points_in_polygons() -> WorkflowBuilder:
    w = WorkflowBuilder(title="points in polygons")
    polygons = w.source(f"{PROJECT}.neighborhoods")
    stores = w.source(f"{PROJECT}.stores")
    buffered = w.node("native.buffer", {"source": polygons}, geo="geom", distance="50", units="Meters")
    joined = w.node("native.spatialjoin", {"maintable": out(buffered), "secondarytable": stores},
                    maincolumn="geom_buffer", secondarycolumn="geom", predicate="intersects")
    grouped = w.node("native.groupby", {"source": out(joined)}, groupby=["nbhd_id", "name"],
                     columns="store_id_joined,count,revenue_joined,sum")
    busy = w.node("native.wheresimplified", {"source": out(grouped)}, column="store_id_joined_count",
                  operator="greater than", value="10")
    ordered = w.node("native.orderby", {"table": out(busy, "match")}, column="revenue_joined_sum", desc=True)
    w.save(out(ordered), f"{PROJECT}.out_points_in_polygons")
    return w


def data_prep() -> WorkflowBuilder:
    w = WorkflowBuilder(title="data preparation")
    customers = w.source(f"{PROJECT}.customers")
    districts = w.source(f"{PROJECT}.districts")
    adults = w.node("native.wheresimplified", {"source": customers}, column="age",
                    operator="equal or greater than", value="18")
    spenders = w.node("native.where", {"source": out(adults, "match")}, expression="spend > 20 AND segment IS NOT NULL")
    per_year = w.node("native.selectexpression", {"source": out(spenders, "match")}, column="spend_per_year",
                      expression="spend / GREATEST(age - 17, 1)")
    tier = w.node("native.casewhen", {"source": out(per_year)}, newcolumn="tier", conditions=json.dumps(
        [{"column": "segment", "conditions": [{"condition": "=", "value": "gold", "return": "3"},
                                              {"condition": "=", "value": "silver", "return": "2"}]}]),
        **{"else": "1"})
    renamed = w.node("native.renamecolumn", {"source": out(tier)}, column="name", newname="customer_name")
    normal = w.node("native.normalize", {"source": out(renamed)}, column="spend_per_year")
    joined = w.node("native.join", {"maintable": out(normal), "secondarytable": districts},
                    maincolumn="district_id", secondarycolumn="district_id", jointype="Inner")
    score = w.node("native.selectexpression", {"source": out(joined)}, column="score",
                   expression="spend_per_year_norm * CAST(tier AS FLOAT64)")
    slim = w.node("native.dropcolumn", {"source": out(score)}, column=["geom", "district_id_joined"])
    keen = w.node("native.wheresimplified", {"source": out(slim)}, column="score", operator="greater than",
                  value="0.05")
    grouped = w.node("native.groupby", {"source": out(keen, "match")}, groupby=["region_joined", "tier"],
                     columns="customer_id,count,spend,sum,score,avg")
    ordered = w.node("native.orderby", {"table": out(grouped)}, column="spend_sum", desc=True)
    w.save(out(ordered), f"{PROJECT}.out_data_prep")
    return w


def near_stations() -> WorkflowBuilder:
    w = WorkflowBuilder(title="customers near stations")
    stations = w.source(f"{PROJECT}.stations")
    customers = w.source(f"{PROJECT}.customers")
    zones = w.node("native.buffer", {"source": stations}, geo="geom", distance="300", units="Meters")
    split = w.node("native.spatialfilter", {"source": customers, "filter": out(zones)}, geosource="geom",
                   geofilter="geom_buffer", predicate="intersects")
    w.save(out(split, "match"), f"{PROJECT}.out_near_stations")
    w.save(out(split, "unmatch"), f"{PROJECT}.out_far_from_stations")
    return w


WORKFLOWS: dict[str, Callable[[], WorkflowBuilder]] = {
    "a. points_in_polygons": points_in_polygons,
    "b. data_prep": data_prep,
    "c. near_stations": near_stations,
}


def outputs(key: str) -> list[str]:
    """The tables workflow `key` saves (the hand-written script writes ``hand_<name>`` for ``out_<name>``)."""
    return [str(i["value"]).split(".")[-1] for n in WORKFLOWS[key]().nodes if n["data"]["name"] == "native.saveastable"
            for i in n["data"]["inputs"] if i["name"] == "destination"]

"""One small workflow per component, with declared schemas, for the transpile matrix."""

from __future__ import annotations

import json
from collections.abc import Callable

from tests.support.workflows import Out, WorkflowBuilder, out

PEOPLE = [("id", "number"), ("name", "string"), ("age", "number"), ("city", "string"), ("score", "number"),
          ("geom", "geography")]
ZONES = [("zone_id", "number"), ("zone", "string"), ("geom", "geography")]
CITIES = [("city", "string"), ("country", "string")]


def _people(wf: WorkflowBuilder) -> Out:
    return wf.source("proj.ds.people", schema=PEOPLE)


def _zones(wf: WorkflowBuilder) -> Out:
    return wf.source("proj.ds.zones", schema=ZONES)


def _cities(wf: WorkflowBuilder) -> Out:
    return wf.source("proj.ds.cities", schema=CITIES)


def save_replace(wf: WorkflowBuilder) -> None:
    wf.save(_people(wf), "proj.ds.copy")


def save_append(wf: WorkflowBuilder) -> None:
    wf.save(_people(wf), "proj.ds.log", append=True)


def gettablebyname(wf: WorkflowBuilder) -> None:
    wf.nodes.append({"id": "byname", "type": "generic", "data": {"name": "native.gettablebyname", "inputs": [
        {"name": "source", "type": "String", "value": "proj.ds.cities"}]}})
    wf.save(out("byname", "out"), "proj.ds.o")


def tablefromgeojson(wf: WorkflowBuilder) -> None:
    doc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "A", "pop": 10},
         "geometry": {"type": "Point", "coordinates": [1, 2]}},
        {"type": "Feature", "properties": {"name": "B"},
         "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}}]}
    wf.save(out(wf.node("native.tablefromgeojson", geojson=json.dumps(doc))), "proj.ds.o")


def where(wf: WorkflowBuilder) -> None:
    w = wf.node("native.where", {"source": _people(wf)}, expression="age >= 18 OR city = 'Paris'")
    wf.save(out(w, "match"), "proj.ds.m")
    wf.save(out(w, "unmatch"), "proj.ds.u")


def wheresimplified(wf: WorkflowBuilder) -> None:
    f = wf.node("native.wheresimplified", {"source": _people(wf)}, column="name", operator="not equal",
                value="O'Neil")
    wf.save(out(f, "match"), "proj.ds.o")


def select(wf: WorkflowBuilder) -> None:
    s = wf.node("native.select", {"table": _people(wf)}, select="id, UPPER(name) AS up, IFNULL(city, 'none') AS town")
    wf.save(out(s), "proj.ds.o")


def selectexpression(wf: WorkflowBuilder) -> None:
    wf.variable("bonus", "Number", "1.5")
    c = wf.node("native.selectexpression", {"source": _people(wf)}, column="total",
                expression="COALESCE(score, 0) + @bonus")
    wf.save(out(c), "proj.ds.o")


def customsql(wf: WorkflowBuilder) -> None:
    sql = "SELECT p.city, COUNT(*) AS n FROM `$a` p JOIN $b c ON p.city = c.city GROUP BY p.city"
    wf.save(out(wf.node("native.customsql", {"sourcea": _people(wf), "sourceb": _cities(wf)}, sql=sql)),
            "proj.ds.o")


def casewhen(wf: WorkflowBuilder) -> None:
    conditions = [{"column": "age", "conditions": [{"condition": ">=", "value": "50", "return": "senior"},
                                                   {"condition": "IS NULL", "value": "", "return": "unknown"}]}]
    c = wf.node("native.casewhen", {"source": _people(wf)}, conditions=json.dumps(conditions),
                newcolumn="band", **{"else": "adult"})
    wf.save(out(c), "proj.ds.o")


def dropcolumn(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.dropcolumn", {"source": _people(wf)}, column=["geom", "score"])), "proj.ds.o")


def renamecolumn(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.renamecolumn", {"source": _people(wf)}, column="name", newname="person")),
            "proj.ds.o")


def orderby_limit(wf: WorkflowBuilder) -> None:
    o = wf.node("native.orderby", {"table": _people(wf)}, column="score", desc=True, columnb="id")
    wf.save(out(wf.node("native.limit", {"source": out(o)}, limit="2")), "proj.ds.o")


def normalize(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.normalize", {"source": _people(wf)}, column="score")), "proj.ds.o")


def groupby(wf: WorkflowBuilder) -> None:
    g = wf.node("native.groupby", {"source": _people(wf)}, columns="score,sum,id,count,name,concat",
                groupby=["city"])
    wf.save(out(g), "proj.ds.o")


def groupby_geometry(wf: WorkflowBuilder) -> None:
    g = wf.node("native.groupby", {"source": _zones(wf)}, columns="geom,combine,geom,centroid,zone_id,count")
    wf.save(out(g), "proj.ds.o")


def join(wf: WorkflowBuilder) -> None:
    j = wf.node("native.join", {"maintable": _people(wf), "secondarytable": _cities(wf)}, maincolumn="city",
                secondarycolumn="city", jointype="Left")
    wf.save(out(j), "proj.ds.o")


def crossjoin(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.crossjoin", {"maintable": _people(wf), "secondarytable": _cities(wf)})), "proj.ds.o")


def spatialjoin(wf: WorkflowBuilder) -> None:
    s = wf.node("native.spatialjoin", {"maintable": _zones(wf), "secondarytable": _people(wf)}, maincolumn="geom",
                secondarycolumn="geom", predicate="intersects")
    wf.save(out(s), "proj.ds.o")


def spatialfilter(wf: WorkflowBuilder) -> None:
    f = wf.node("native.spatialfilter", {"source": _people(wf), "filter": _zones(wf)}, geosource="geom",
                geofilter="geom", predicate="within")
    wf.save(out(f, "match"), "proj.ds.m")
    wf.save(out(f, "unmatch"), "proj.ds.u")


def buffer(wf: WorkflowBuilder) -> None:
    wf.variable("radius", "Number", "500")
    b = wf.node("native.buffer", {"source": _people(wf)}, geo="geom", distance="{{@radius}}", units="Miles")
    wf.save(out(b), "proj.ds.o")


CELLS = [("id", "number"), ("h3", "string"), ("h3_other", "string"), ("quadbin", "number"), ("value", "number")]


def _cells(wf: WorkflowBuilder) -> Out:
    return wf.source("proj.ds.cells", schema=CELLS)


def h3frompoint(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.h3frompoint", {"source": _people(wf)}, pointscol="geom", resolution="9")), "proj.ds.o")


def _h3polyfill(mode: str | None, includecols: bool) -> Callable[[WorkflowBuilder], None]:
    def case(wf: WorkflowBuilder) -> None:
        inputs = {"geo": "geom", "resolution": "7", "includecols": str(includecols)}
        if mode:
            inputs["mode"] = mode
        wf.save(out(wf.node("native.h3polyfill", {"source": _zones(wf)}, **inputs)), "proj.ds.o")

    case.__name__ = f"h3polyfill_{mode or 'nomode'}{'_cols' if includecols else ''}"
    return case


def h3boundary(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.h3boundary", {"source": _cells(wf)}, h3col="h3")), "proj.ds.o")


def h3center(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.h3center", {"source": _cells(wf)}, h3col="h3")), "proj.ds.o")


def h3kring(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.h3kring", {"source": _cells(wf)}, h3="h3", size="2", includecols="true",
                        includedistance="true")), "proj.ds.o")


def h3distance(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.h3distance", {"source": _cells(wf)}, h3_1="h3", h3_2="h3_other")), "proj.ds.o")


def h3toparent(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.h3toparent", {"source": _cells(wf)}, h3col="h3", resolution="5")), "proj.ds.o")


def h3tochildren(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.h3tochildren", {"source": _cells(wf)}, h3col="h3", resolution="10")), "proj.ds.o")


def quadbinfromgeopoint(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.quadbinfromgeopoint", {"source": _people(wf)}, pointscol="geom", resolution="12")),
            "proj.ds.o")


def quadbinfrompoint(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.quadbinfrompoint", {"source": _people(wf)}, pointscol="geom", resolution="4")),
            "proj.ds.o")


def _quadbinpolyfill(mode: str, includecols: bool) -> Callable[[WorkflowBuilder], None]:
    def case(wf: WorkflowBuilder) -> None:
        wf.save(out(wf.node("native.quadbinpolyfill", {"source": _zones(wf)}, geo="geom", resolution="10",
                            mode=mode, includecols=str(includecols))), "proj.ds.o")

    case.__name__ = f"quadbinpolyfill_{mode}{'_cols' if includecols else ''}"
    return case


def quadbinboundary(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.quadbinboundary", {"source": _cells(wf)}, quadbincol="quadbin")), "proj.ds.o")


def quadbincenter(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.quadbincenter", {"source": _cells(wf)}, quadbincol="quadbin")), "proj.ds.o")


def quadbinkring(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.quadbinkring", {"source": _cells(wf)}, quadbin="quadbin", size="1",
                        includedistance="true")), "proj.ds.o")


def quadbintoparent(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.quadbintoparent", {"source": _cells(wf)}, quadbincol="quadbin", resolution="4")),
            "proj.ds.o")


def quadbintochildren(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.quadbintochildren", {"source": _cells(wf)}, quadbincol="quadbin",
                        resolution="8")), "proj.ds.o")


def getisord_h3(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.getisord", {"source": _cells(wf)}, indexcol="h3", valuecol="value", size="2",
                        kernel="gaussian")), "proj.ds.o")


def getisord_quadbin(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.getisord", {"source": _cells(wf)}, indexcol="quadbin", valuecol="value",
                        kernel="uniform")), "proj.ds.o")


def moransi_h3(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.moransi", {"source": _cells(wf)}, indexcol="h3", valuecol="value", size="2",
                        decay="exponential")), "proj.ds.o")


def moransi_quadbin(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.moransi", {"source": _cells(wf)}, indexcol="quadbin", valuecol="value",
                        decay="inverse")), "proj.ds.o")


def localmoransi_h3(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.localmoransi", {"source": _cells(wf)}, indexcol="h3", valuecol="value", size="1",
                        decay="uniform", permutations="100")), "proj.ds.o")


def localmoransi_quadbin(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.localmoransi", {"source": _cells(wf)}, indexcol="quadbin", valuecol="value",
                        size="2", decay="inverse_square")), "proj.ds.o")


def commercialhotspots_h3(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.commercialhotspots", {"source": _cells(wf)}, indexcol="h3",
                        variablecolumns="['value','id']", weights="0.3, 0.7", kring="2", pvaluethresh="0.01")),
            "proj.ds.o")


def commercialhotspots_quadbin(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.commercialhotspots", {"source": _cells(wf)}, indexcol="quadbin",
                        variablecolumns=["value", "id"])), "proj.ds.o")


def composite_unsupervised_custom(wf: WorkflowBuilder) -> None:
    weights = '[["value",5,false],["id","1","true"]]'
    wf.save(out(wf.node("native.spatialcompositeunsupervised", {"source": _cells(wf)}, indexcol="quadbin",
                        scoringmethod="CUSTOM_WEIGHTS", weights=weights, scaling="RANKING", aggregation="GEOMETRIC",
                        outputformatting="RETURN_RANGE", returnrange='["0.0","1.0"]')), "proj.ds.o")


def composite_unsupervised_entropy(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.spatialcompositeunsupervised", {"source": _cells(wf)}, indexcol="quadbin",
                        scoringmethod="ENTROPY", weights='[["value",1,false],["id",1,true]]',
                        outputformatting="JENKS", nbuckets="4")), "proj.ds.o")


def composite_unsupervised_first_pc(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.spatialcompositeunsupervised", {"source": _cells(wf)}, indexcol="quadbin",
                        scoringmethod="FIRST_PC", weights='[["value",1,false],["id",1,false]]',
                        correlationvar="value", outputformatting="EQUAL_INTERVALS", automaticnbuckets=True)),
            "proj.ds.o")


def composite_supervised(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.spatialcompositesupervised", {"source": _cells(wf)}, indexcol="h3",
                        inputpredictors=["id", "quadbin"], modelvariablecolumn="value",
                        modeloptions='{"DATA_SPLIT_METHOD":"NO_SPLIT","OPTIMIZE_STRATEGY":"NORMAL_EQUATION"}',
                        bucketizemethod="EQUAL_INTERVALS_ZERO_CENTERED", nbuckets="6", removeoutliers=True,
                        r2thr="0.5")), "proj.ds.o")


def h3enrich(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.h3enrich", {"target": _cells(wf), "source": _zones(wf)}, target_col="h3",
                        source_col="geom", variables="zone_id,sum,zone_id,avg,zone,max,zone_id,count")), "proj.ds.o")


def h3enrich_kring(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.h3enrich", {"target": _cells(wf), "source": _zones(wf)}, target_col="h3",
                        source_col="geom", variables="zone_id,sum,zone_id,min", kring="2",
                        decay="exponential")), "proj.ds.o")


def quadbinenrich(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.quadbinenrich", {"target": _cells(wf), "source": _zones(wf)}, target_col="quadbin",
                        source_col="geom", variables="zone_id,sum,zone_id,avg,zone,min,zone_id,count")),
            "proj.ds.o")


def quadbinenrich_kring(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.quadbinenrich", {"target": _cells(wf), "source": _zones(wf)}, target_col="quadbin",
                        source_col="geom", variables="zone_id,avg", kring="1", decay="inverse")), "proj.ds.o")


def enrichpoints(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.enrichpoints", {"target": _people(wf), "source": _zones(wf)}, target_col="geom",
                        source_col="geom", variables="zone_id,sum,zone_id,avg,zone,max,zone_id,count")),
            "proj.ds.o")


def enrichpolygons(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.enrichpolygons", {"target": _zones(wf), "source": _people(wf)}, target_col="geom",
                        source_col="geom", variables="score,sum,age,avg,name,min,id,count")), "proj.ds.o")


SERIES = [("h3", "string"), ("quadbin", "number"), ("week", "date"), ("value", "number"), ("gi", "number"),
          ("p_value", "number")]


def _series(wf: WorkflowBuilder) -> Out:
    return wf.source("proj.ds.series", schema=SERIES)


def getisordspacetime_h3(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.getisordspacetime", {"source": _series(wf)}, indexcol="h3", datecol="week",
                        valuecol="value", size="2", bandwidth="2", kernel="gaussian", kerneltime="triangular",
                        timeinterval="week")), "proj.ds.o")


def getisordspacetime_quadbin(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.getisordspacetime", {"source": _series(wf)}, indexcol="quadbin", datecol="week",
                        valuecol="value", timeinterval="month")), "proj.ds.o")


def spacetimehotspots_mk(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.spacetimehotspotsclassification", {"source": _series(wf)}, indexcol="h3",
                        datecol="week", valuecol="gi", pvaluecol="p_value", threshold="0.05",
                        algorithm="Mann-Kendall")), "proj.ds.o")


def spacetimehotspots_mmk(wf: WorkflowBuilder) -> None:
    wf.save(out(wf.node("native.spacetimehotspotsclassification", {"source": _series(wf)}, indexcol="quadbin",
                        datecol="week", threshold=0.1, algorithm="Modified Mann-Kendall")), "proj.ds.o")


CASES: dict[str, Callable[[WorkflowBuilder], None]] = {
    f.__name__: f for f in (
        save_replace, save_append, gettablebyname, tablefromgeojson, where, wheresimplified,
        select, selectexpression, customsql, casewhen, dropcolumn, renamecolumn, orderby_limit,
        normalize, groupby, groupby_geometry, join, crossjoin, spatialjoin, spatialfilter, buffer,
        h3frompoint, *(_h3polyfill(m, c) for m in (None, "center", "intersects", "contains") for c in (False, True)),
        h3boundary, h3center, h3kring, h3distance, h3toparent, h3tochildren,
        quadbinfromgeopoint, quadbinfrompoint,
        *(_quadbinpolyfill(m, c) for m in ("center", "intersects", "contains") for c in (False, True)),
        quadbinboundary, quadbincenter, quadbinkring, quadbintoparent, quadbintochildren,
        getisord_h3, getisord_quadbin, moransi_h3, moransi_quadbin, localmoransi_h3, localmoransi_quadbin,
        commercialhotspots_h3, commercialhotspots_quadbin, composite_unsupervised_custom,
        composite_unsupervised_entropy, composite_unsupervised_first_pc, composite_supervised,
        getisordspacetime_h3, getisordspacetime_quadbin, spacetimehotspots_mk, spacetimehotspots_mmk,
        h3enrich, h3enrich_kring, quadbinenrich, quadbinenrich_kring, enrichpoints, enrichpolygons)
}


def build(name: str) -> WorkflowBuilder:
    wf = WorkflowBuilder(title=name)
    CASES[name](wf)
    return wf

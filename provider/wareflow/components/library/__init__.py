"""The built-in components, one module each, found by `wareflow.components.registry.catalog` through
the ``wareflow.components`` entry point group like any plugin's: a new module here is a new component."""

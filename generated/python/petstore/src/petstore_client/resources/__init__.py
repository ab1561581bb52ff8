"""Operation groups of the Swagger Petstore API, one module per tag.

The client loads a module the first time its attribute is used
(``pet``, ``store``, ``user``).
"""

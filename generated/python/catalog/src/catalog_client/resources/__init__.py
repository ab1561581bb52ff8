"""Operation groups of the Catalog Service RESTful API Resource. API, one module per tag.

The client loads a module the first time its attribute is used
().
"""
